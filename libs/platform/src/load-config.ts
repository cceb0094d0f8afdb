import { readAuditSigningKey } from './audit-signing-key.js';
import { type AppConfig, ConfigError } from './config.js';
import { redactUrl } from './redact-url.js';

const DEFAULT_EVENT_STORE_URL = 'pglite://./data/events';
const DEFAULT_TOPIC = 'callcenter.authorization.notices.v1';
const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (env: Env, name: string): string | null => {
  const value = env[name]?.trim();
  return value ? value : null;
};

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = nonEmpty(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
};

const boolean = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = nonEmpty(env, name)?.toLowerCase();
  if (raw === undefined || raw === null) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
};

const storeUrl = (name: string, value: string, allowed: readonly string[]): string => {
  const scheme = /^([a-z]+):\/\//.exec(value)?.[1];
  if (!scheme || !allowed.includes(scheme)) {
    throw new ConfigError(name, `must start with ${allowed.map((s) => `${s}://`).join(', ')}; got "${redactUrl(value)}"`);
  }
  if (scheme !== 'pglite') {
    try {
      new URL(value);
    } catch {
      throw new ConfigError(name, `is not a valid URL: "${redactUrl(value)}"`);
    }
  }
  return value;
};

const httpUrl = (name: string, value: string | null): string | null => {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    return value;
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${redactUrl(value)}"`);
  }
};

const RATE_MAX = 100_000_000;

/** `svc:crm=1200000,svc:billing=60000` (the `svc:` prefix may be left out) → { 'svc:crm': 1200000, … }. */
const serviceBudgets = (env: Env, name: string): Readonly<Record<string, number>> => {
  const budgets: Record<string, number> = {};
  for (const entry of (nonEmpty(env, name) ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^(?:svc:)?([\w.-]+)=(\d+)$/.exec(entry);
    if (!match) throw new ConfigError(name, `"${entry}" is not <service>=<requests per minute>, e.g. svc:crm=1200000`);
    const value = Number(match[2]);
    if (value < 1 || value > RATE_MAX) throw new ConfigError(name, `${entry}: must be between 1 and ${RATE_MAX}`);
    budgets[`svc:${match[1]}`] = value;
  }
  return budgets;
};

/**
 * Reads and validates the configuration. `embedded` is true when the event store is PGlite: the
 * developer default, where a dev secret may be generated and the demo seeded. Workers that verify no
 * tokens (projector, relay, scheduler, cascade) pass `verifiesTokens: false`. Logs are human-readable
 * when a person is watching (stdout a terminal, no LOG_LEVEL chosen) and JSON everywhere else.
 */
export function loadConfig(env: Env = process.env, options: { readonly verifiesTokens?: boolean; readonly stdoutIsTTY?: boolean } = {}): AppConfig {
  const eventStoreUrl = storeUrl('EVENT_STORE_URL', nonEmpty(env, 'EVENT_STORE_URL') ?? DEFAULT_EVENT_STORE_URL, ['pglite', 'postgres', 'postgresql', 'esdb', 'kurrentdb']);
  const embedded = eventStoreUrl.startsWith('pglite://');
  const readDefault = eventStoreUrl.startsWith('esdb://') || eventStoreUrl.startsWith('kurrentdb://') ? null : eventStoreUrl;
  const readRaw = nonEmpty(env, 'READ_STORE_URL') ?? readDefault;
  if (readRaw === null) throw new ConfigError('READ_STORE_URL', 'is required when EVENT_STORE_URL is an EventStoreDB connection string');
  const readStoreUrl = storeUrl('READ_STORE_URL', readRaw, ['pglite', 'postgres', 'postgresql']);

  const brokers = nonEmpty(env, 'KAFKA_BROKERS');
  const kafkaBrokers = brokers === null ? null : brokers.split(',').map((b) => b.trim()).filter(Boolean);
  for (const broker of kafkaBrokers ?? []) {
    if (!/^[\w.-]+:\d+$/.test(broker)) throw new ConfigError('KAFKA_BROKERS', `"${broker}" is not host:port`);
  }

  const jwtSecret = nonEmpty(env, 'AUTH_JWT_SECRET');
  const jwksUrl = httpUrl('AUTH_JWKS_URL', nonEmpty(env, 'AUTH_JWKS_URL'));
  if (jwtSecret !== null && jwtSecret.length < 32) throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 32 characters');
  const oidcIssuer = httpUrl('OIDC_ISSUER', nonEmpty(env, 'OIDC_ISSUER'));
  const oidcClientId = nonEmpty(env, 'OIDC_CLIENT_ID');
  if (oidcIssuer !== null && oidcClientId === null) throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER');
  if (jwtSecret === null && jwksUrl === null && oidcIssuer === null && !embedded && options.verifiesTokens !== false) {
    throw new ConfigError('AUTH_JWT_SECRET', 'AUTH_JWT_SECRET, AUTH_JWKS_URL or OIDC_ISSUER is required outside the embedded mode');
  }

  // The anonymous suggestions' author digests need a key nobody can guess (SPEC §11); the value is never part of a message.
  const suggestionDigestKey = nonEmpty(env, 'SUGGESTION_DIGEST_KEY');
  if (suggestionDigestKey !== null && suggestionDigestKey.length < 32) throw new ConfigError('SUGGESTION_DIGEST_KEY', 'must be at least 32 characters');
  if (suggestionDigestKey === null && jwtSecret === null && !embedded && options.verifiesTokens !== false) {
    throw new ConfigError('SUGGESTION_DIGEST_KEY', 'is required when no AUTH_JWT_SECRET is set outside the embedded mode (tokens verified by AUTH_JWKS_URL or OIDC_ISSUER)');
  }

  const logLevel = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${[...LOG_LEVELS].join(', ')}`);
  const logFormat = nonEmpty(env, 'LOG_FORMAT') ?? (nonEmpty(env, 'LOG_LEVEL') === null && (options.stdoutIsTTY ?? process.stdout.isTTY === true) ? 'pretty' : 'json');
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new ConfigError('LOG_FORMAT', `must be json or pretty, got "${logFormat}"`);

  const smtpUrl = nonEmpty(env, 'SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) throw new ConfigError('SMTP_URL', `must be smtp://… or smtps://…, got "${redactUrl(smtpUrl)}"`);
  const webhookUrl = httpUrl('WEBHOOK_URL', nonEmpty(env, 'WEBHOOK_URL'));
  const webhookSecret = nonEmpty(env, 'WEBHOOK_SECRET');
  if (webhookUrl !== null && webhookSecret === null) throw new ConfigError('WEBHOOK_SECRET', 'is required with WEBHOOK_URL');
  // The secret itself is never part of a message.
  if (webhookSecret !== null && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(webhookSecret)) throw new ConfigError('WEBHOOK_SECRET', 'must be whsec_ followed by base64');

  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? (embedded ? '127.0.0.1' : '0.0.0.0'),
    eventStoreUrl,
    readStoreUrl,
    kafkaBrokers: kafkaBrokers && kafkaBrokers.length > 0 ? kafkaBrokers : null,
    kafkaTopicNotices: nonEmpty(env, 'KAFKA_TOPIC_NOTICES') ?? DEFAULT_TOPIC,
    kafkaClientId: nonEmpty(env, 'KAFKA_CLIENT_ID') ?? 'callcenter-authorization',
    auth: { jwtSecret, jwksUrl, issuer: nonEmpty(env, 'AUTH_ISSUER'), audience: nonEmpty(env, 'AUTH_AUDIENCE'), oidcIssuer, oidcClientId },
    policyFile: nonEmpty(env, 'POLICY_FILE'),
    seedDemo: boolean(env, 'SEED_DEMO', embedded),
    logLevel,
    logPretty: logFormat === 'pretty',
    consistencyWaitMs: integer(env, 'CONSISTENCY_WAIT_MS', 5000, 0, 60000),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 6000, 1, RATE_MAX),
    rateLimitServicePerMinute: integer(env, 'RATE_LIMIT_SERVICE_PER_MINUTE', 600_000, 1, RATE_MAX),
    rateLimitServices: serviceBudgets(env, 'RATE_LIMIT_SERVICES'),
    embedded,
    notifications: {
      smtpUrl,
      mailFrom: nonEmpty(env, 'MAIL_FROM') ?? 'Call Center Authorization <authz@callcenter.invalid>',
      webhookUrl,
      webhookSecret,
      maxAgeHours: integer(env, 'NOTIFY_MAX_AGE_HOURS', 72, 1, 24 * 365),
    },
    suggestionDigestKey,
    audit: {
      signingKeyPem: ((raw) => (raw === null ? null : readAuditSigningKey(raw)))(nonEmpty(env, 'AUDIT_SIGNING_KEY')),
      anchorEvery: integer(env, 'AUDIT_ANCHOR_EVERY', 1000, 1, 1_000_000),
      anchorMinutes: integer(env, 'AUDIT_ANCHOR_MINUTES', 10, 1, 1440),
    },
  };
}
