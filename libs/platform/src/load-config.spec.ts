import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.js';
import { suggestionDigestKey, suggestionDigestKeyFile } from './dev-secret.js';
import { loadConfig } from './load-config.js';

const SECRET = 'a-secret-that-is-at-least-thirty-two-chars';

describe('loadConfig', () => {
  it('defaults to the embedded PGlite store with the demo seeded', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ eventStoreUrl: 'pglite://./data/events', readStoreUrl: 'pglite://./data/events', embedded: true, seedDemo: true, port: 3000, kafkaBrokers: null });
  });

  it.each([
    [{ EVENT_STORE_URL: 'mysql://x' }, 'EVENT_STORE_URL'],
    [{ EVENT_STORE_URL: 'postgres://h/db' }, 'AUTH_JWT_SECRET'],
    [{ EVENT_STORE_URL: 'esdb://h:2113', AUTH_JWT_SECRET: SECRET }, 'READ_STORE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWKS_URL: 'ftp://keys' }, 'AUTH_JWKS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_SERVICE_PER_MINUTE: 'lots' }, 'RATE_LIMIT_SERVICE_PER_MINUTE'],
    [{ RATE_LIMIT_SERVICES: 'svc:crm' }, 'RATE_LIMIT_SERVICES'],
    [{ RATE_LIMIT_SERVICES: 'svc:crm=0' }, 'RATE_LIMIT_SERVICES'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });

  it('names a store URL it refuses without its password', () => {
    for (const [name, value] of [['EVENT_STORE_URL', 'postgress://authz:s3cret@h/db'], ['READ_STORE_URL', 'postgres://authz:s3cret@h:notaport/db']] as const) {
      let message = '';
      try {
        loadConfig({ EVENT_STORE_URL: 'postgres://h/db', AUTH_JWT_SECRET: SECRET, [name]: value });
      } catch (error: unknown) {
        message = error instanceof Error ? error.message : String(error);
      }
      expect(message).toContain(name);
      expect(message).not.toContain('s3cret');
    }
  });

  it('lets workers that verify no tokens start without a secret', () => {
    expect(loadConfig({ EVENT_STORE_URL: 'postgres://h/db' }, { verifiesTokens: false }).auth.jwtSecret).toBeNull();
  });

  it('reads brokers, topic and the read store', () => {
    const config = loadConfig({ EVENT_STORE_URL: 'esdb://h:2113', READ_STORE_URL: 'postgres://u@h/db', AUTH_JWT_SECRET: SECRET, KAFKA_BROKERS: 'k1:9092, k2:9092' });
    expect(config).toMatchObject({ embedded: false, seedDemo: false, kafkaBrokers: ['k1:9092', 'k2:9092'], host: '0.0.0.0' });
  });

  it('gives employees the per-person budget and each service its own, overridable per service', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 6000, rateLimitServicePerMinute: 600_000, rateLimitServices: {} });
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '300', RATE_LIMIT_SERVICE_PER_MINUTE: '60000', RATE_LIMIT_SERVICES: 'svc:crm=1200000, hr-sync=6000' });
    expect(config).toMatchObject({ rateLimitPerMinute: 300, rateLimitServicePerMinute: 60_000, rateLimitServices: { 'svc:crm': 1_200_000, 'svc:hr-sync': 6000 } });
  });

  it('logs human-readable lines at a terminal unless a level or format is chosen, JSON elsewhere', () => {
    expect(loadConfig({}, { stdoutIsTTY: true }).logPretty).toBe(true);
    expect(loadConfig({}, { stdoutIsTTY: false }).logPretty).toBe(false);
    expect(loadConfig({ LOG_LEVEL: 'info' }, { stdoutIsTTY: true }).logPretty).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'json' }, { stdoutIsTTY: true }).logPretty).toBe(false);
    expect(loadConfig({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' }, { stdoutIsTTY: false }).logPretty).toBe(true);
  });
});

describe('the suggestion digest key (SPEC §11)', () => {
  const JWKS = { EVENT_STORE_URL: 'postgres://h/db', AUTH_JWKS_URL: 'https://idp.example/jwks' };

  it('is SUGGESTION_DIGEST_KEY when set: 32 characters at least, the value never in the message', () => {
    const key = 'k'.repeat(40);
    expect(suggestionDigestKey(loadConfig({ ...JWKS, SUGGESTION_DIGEST_KEY: key }))).toBe(key);
    expect(suggestionDigestKey(loadConfig({ AUTH_JWT_SECRET: SECRET, SUGGESTION_DIGEST_KEY: key }))).toBe(key);
    expect(() => loadConfig({ ...JWKS, SUGGESTION_DIGEST_KEY: 'short-secret' })).toThrow(/^SUGGESTION_DIGEST_KEY: must be at least 32 characters$/);
  });

  it('refuses an API verifying tokens by JWKS or OIDC alone outside the embedded mode without one; a worker needs none', () => {
    expect(() => loadConfig(JWKS)).toThrow(/^SUGGESTION_DIGEST_KEY:/);
    expect(() => loadConfig({ EVENT_STORE_URL: 'postgres://h/db', OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'console' })).toThrow(/^SUGGESTION_DIGEST_KEY:/);
    expect(suggestionDigestKey(loadConfig({ EVENT_STORE_URL: 'postgres://h/db' }, { verifiesTokens: false }))).toBeNull();
  });

  it('is derived from AUTH_JWT_SECRET without being it', () => {
    const key = suggestionDigestKey(loadConfig({ EVENT_STORE_URL: 'postgres://h/db', AUTH_JWT_SECRET: SECRET }));
    expect(key).toBe(createHmac('sha256', SECRET).update('suggestion-author-digest-key').digest('base64url'));
    expect(key).not.toContain(SECRET);
  });

  it('is generated once beside an embedded store verifying by JWKS, private to its owner, and read back after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-key-'));
    const config = loadConfig({ EVENT_STORE_URL: `pglite://${join(dir, 'events')}`, AUTH_JWKS_URL: 'https://idp.example/jwks' });
    const key = suggestionDigestKey(config);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = suggestionDigestKeyFile(config);
    expect(file).toBe(join(dir, 'suggestion-digest-key'));
    expect(readFileSync(file, 'utf8')).toBe(key);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(suggestionDigestKey(config)).toBe(key);
    const other = loadConfig({ EVENT_STORE_URL: `pglite://${join(mkdtempSync(join(tmpdir(), 'digest-key-')), 'events')}`, AUTH_JWKS_URL: 'https://idp.example/jwks' });
    expect(suggestionDigestKey(other)).not.toBe(key);
  });
});
