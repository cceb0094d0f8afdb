import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from './config.js';

export const DEV_JWT_SECRET = Symbol('DEV_JWT_SECRET');

/** Where the embedded mode keeps its generated HS256 secret: beside the PGlite data directory. */
export function devSecretFile(config: Pick<AppConfig, 'eventStoreUrl'>): string {
  const dir = config.eventStoreUrl.replace(/^pglite:\/\//, '');
  return resolve(dirname(resolve(dir === 'memory' ? './data/events' : dir)), 'dev-jwt-secret');
}

/** Reads (or, the first time, creates) the embedded dev secret. Null outside the embedded mode. */
export function ensureDevSecret(config: AppConfig): string | null {
  if (!config.embedded || config.auth.jwtSecret || config.auth.jwksUrl || config.auth.oidcIssuer) return null;
  const file = devSecretFile(config);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
