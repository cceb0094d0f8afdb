import { createHmac, randomBytes } from 'node:crypto';
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

/** Where the embedded mode keeps its generated suggestion-digest key: beside the dev secret. */
export function suggestionDigestKeyFile(config: Pick<AppConfig, 'eventStoreUrl'>): string {
  return resolve(dirname(devSecretFile(config)), 'suggestion-digest-key');
}

/**
 * The key of the anonymous suggestions' author digests (SPEC §11): SUGGESTION_DIGEST_KEY; else one
 * derived from AUTH_JWT_SECRET (its own key, not the token secret itself); else, in the embedded
 * mode, one generated beside the store the first time (mode 0600). Null: none (loadConfig refuses to
 * start an API so configured). Never logged.
 */
export function suggestionDigestKey(config: Pick<AppConfig, 'suggestionDigestKey' | 'auth' | 'embedded' | 'eventStoreUrl'>): string | null {
  if (config.suggestionDigestKey !== null) return config.suggestionDigestKey;
  if (config.auth.jwtSecret !== null) return createHmac('sha256', config.auth.jwtSecret).update('suggestion-author-digest-key').digest('base64url');
  if (!config.embedded) return null;
  const file = suggestionDigestKeyFile(config);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error: unknown) {
      // Another process of this store wrote it first: theirs is the key.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
