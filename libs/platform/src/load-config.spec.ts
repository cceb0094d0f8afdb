import { ConfigError } from './config.js';
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
