import { Logger } from '@nestjs/common';
import { findStoreUnavailable } from '../../sql/src/store-unavailable.js';
import { ConfigError } from './config.js';

/** EX_CONFIG (sysexits.h): the configuration is wrong. */
export const EXIT_CONFIG = 78;
/** EX_UNAVAILABLE (sysexits.h): a service the app needs (the store) does not answer; retrying later may work. */
export const EXIT_UNAVAILABLE = 69;

/**
 * Start-up errors are reported by the entry point in one line (`reportStartFailure`); until the
 * app's own logger replaces it, Nest's logger stays silent, so a failed start prints no stack of
 * Nest's ExceptionHandler before that line. Logs buffered meanwhile go to the app's logger.
 */
export const silenceNestUntilStarted = (): void => Logger.overrideLogger(false);

const findConfigError = (error: unknown): ConfigError | null => {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConfigError) return current;
  }
  return null;
};

/** One line on stderr and the exit code for a failed start: 78 configuration, 69 store unavailable, else 1. */
export const startFailure = (name: string | undefined, error: unknown): { readonly line: string; readonly exitCode: number } => {
  const failed = name === undefined ? 'failed to start' : `${name} failed to start`;
  const config = findConfigError(error);
  if (config) return { line: `configuration error: ${config.message}`, exitCode: EXIT_CONFIG };
  const store = findStoreUnavailable(error);
  if (store) return { line: `${failed}: ${store.message}: ${store.reason}`, exitCode: EXIT_UNAVAILABLE };
  return { line: `${failed}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exitCode: 1 };
};

export const reportStartFailure = (name: string | undefined, error: unknown): never => {
  const { line, exitCode } = startFailure(name, error);
  process.stderr.write(`${line}\n`);
  process.exit(exitCode);
};
