import type { INestApplicationContext } from '@nestjs/common';
import { reportStartFailure, silenceNestUntilStarted } from '../../../libs/platform/src/index.js';

/**
 * Starts an app and turns configuration mistakes into one clear line on stderr and exit code 78
 * (EX_CONFIG), a store that does not answer into one line and exit code 69 (EX_UNAVAILABLE),
 * instead of a stack trace. SIGTERM/SIGINT close the app gracefully (Nest shutdown hooks).
 */
export async function runMain(start: () => Promise<INestApplicationContext>, name?: string): Promise<void> {
  silenceNestUntilStarted();
  try {
    const app = await start();
    app.enableShutdownHooks();
  } catch (error: unknown) {
    reportStartFailure(name, error);
  }
}
