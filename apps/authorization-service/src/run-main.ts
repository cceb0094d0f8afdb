import type { INestApplicationContext } from '@nestjs/common';
import { ConfigError } from '../../../libs/platform/src/index.js';

/**
 * Starts an app and turns configuration mistakes into one clear line on stderr and exit code 78
 * (EX_CONFIG) instead of a stack trace. SIGTERM/SIGINT close the app gracefully (Nest shutdown hooks).
 */
export async function runMain(start: () => Promise<INestApplicationContext>): Promise<void> {
  try {
    const app = await start();
    app.enableShutdownHooks();
  } catch (error: unknown) {
    const config = findConfigError(error);
    if (config) {
      process.stderr.write(`configuration error: ${config.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}

function findConfigError(error: unknown): ConfigError | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConfigError) return current;
  }
  return null;
}
