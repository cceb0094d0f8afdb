/**
 * Configuration of every app (SPEC §9), read once from the environment and validated at start:
 * a wrong value stops start-up with a message naming the variable.
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly eventStoreUrl: string;
  readonly readStoreUrl: string;
  readonly kafkaBrokers: readonly string[] | null;
  readonly kafkaTopicNotices: string;
  readonly kafkaClientId: string;
  readonly auth: {
    readonly jwtSecret: string | null;
    readonly jwksUrl: string | null;
    readonly issuer: string | null;
    readonly audience: string | null;
    /** OpenID Connect issuer of the console's sign-in: tokens verified through its discovered `jwks_uri`. */
    readonly oidcIssuer: string | null;
    /** The console's OIDC client id; the expected `aud` unless AUTH_AUDIENCE says otherwise. */
    readonly oidcClientId: string | null;
  };
  readonly policyFile: string | null;
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** Human-readable log lines (pino-pretty) instead of JSON: a person at a terminal. */
  readonly logPretty: boolean;
  /** Max wait of a query carrying a consistency token before it answers 503. */
  readonly consistencyWaitMs: number;
  /** Requests per minute per employee before 429 (a batch of checks counts its checks). */
  readonly rateLimitPerMinute: number;
  /** Requests per minute per service principal (`svc:*`) before 429, unless `rateLimitServices` names it. */
  readonly rateLimitServicePerMinute: number;
  /** Per-service budgets by subject (`svc:crm` → per minute), overriding `rateLimitServicePerMinute`. */
  readonly rateLimitServices: Readonly<Record<string, number>>;
  readonly embedded: boolean;
  /** Notifications to people (SPEC §12): a channel is off while its URL is unset. Secrets never logged. */
  readonly notifications: {
    readonly smtpUrl: string | null;
    readonly mailFrom: string;
    readonly webhookUrl: string | null;
    readonly webhookSecret: string | null;
    readonly maxAgeHours: number;
  };
  /**
   * Key of the author digests of anonymous suggestions (SPEC §11), SUGGESTION_DIGEST_KEY; null: derived
   * from AUTH_JWT_SECRET, else generated beside the embedded store (`suggestionDigestKey`). Never logged.
   */
  readonly suggestionDigestKey: string | null;
  /** Signed audit anchors (SPEC §12). */
  readonly audit: {
    /** PEM of the Ed25519 signing key (AUDIT_SIGNING_KEY, checked at load), null when unset. */
    readonly signingKeyPem: string | null;
    readonly anchorEvery: number;
    readonly anchorMinutes: number;
  };
}

/** Every environment variable the apps read, with its meaning (deploy manifests are checked against it). */
export const CONFIG_VARIABLES = {
  PORT: 'HTTP port (default 3000)',
  HOST: 'HTTP listen address (default 0.0.0.0; 127.0.0.1 in embedded mode)',
  EVENT_STORE_URL: 'pglite://<dir>, postgres://… or esdb://… (default pglite://./data/events)',
  READ_STORE_URL: 'pglite://<dir> or postgres://… (default: the event store’s PostgreSQL/PGlite)',
  KAFKA_BROKERS: 'comma-separated brokers; unset disables publishing (nothing is lost)',
  KAFKA_TOPIC_NOTICES: 'notice topic (default callcenter.authorization.notices.v1)',
  KAFKA_CLIENT_ID: 'Kafka client id (default callcenter-authorization)',
  AUTH_JWT_SECRET: 'HS256 secret for bearer tokens',
  AUTH_JWKS_URL: 'JWKS URL for bearer tokens',
  AUTH_ISSUER: 'required `iss` when set',
  AUTH_AUDIENCE: 'required `aud` when set',
  OIDC_ISSUER: "the console's OpenID Connect issuer (discovery); its jwks_uri verifies bearer tokens",
  OIDC_CLIENT_ID: "the console's OpenID Connect client id (authorization code with PKCE); the expected aud unless AUTH_AUDIENCE is set",
  POLICY_FILE: 'authority catalogue file (default: the shipped catalogue)',
  SEED_DEMO: 'seed the demo call center on an empty embedded store (default true when embedded)',
  LOG_LEVEL: 'pino level (default info)',
  LOG_FORMAT: 'json or pretty (default pretty when stdout is a terminal and LOG_LEVEL is unset, else json)',
  CONSISTENCY_WAIT_MS: 'max wait for a consistency token before 503 (default 5000)',
  RATE_LIMIT_PER_MINUTE: 'requests per minute per employee before 429; a batch counts its checks (default 6000)',
  RATE_LIMIT_SERVICE_PER_MINUTE: 'requests per minute per service principal (svc:*) before 429 (default 600000)',
  RATE_LIMIT_SERVICES: 'per-service budgets overriding the service default, e.g. svc:crm=1200000,svc:hr-sync=6000',
  SMTP_URL: 'smtp://[user:pass@]host:port (STARTTLS when offered) or smtps://…; unset: no e-mail is sent (pending ones wait)',
  MAIL_FROM: 'From address of notification e-mails (default "Call Center Authorization <authz@callcenter.invalid>")',
  WEBHOOK_URL: 'http(s) URL receiving one Standard-Webhooks-signed POST per notification; unset: none is sent (pending ones wait)',
  WEBHOOK_SECRET: 'whsec_<base64> signing key of the webhook (required with WEBHOOK_URL)',
  NOTIFY_MAX_AGE_HOURS: 'pending notifications older than this are dropped (and counted) instead of sent (default 72)',
  SUGGESTION_DIGEST_KEY: 'secret (32+ characters) keying the digest that lets an anonymous suggestion’s author read it back (default: derived from AUTH_JWT_SECRET, else generated beside the embedded store; required otherwise)',
  AUDIT_SIGNING_KEY: 'Ed25519 PKCS#8 PEM (text, or a file path) signing the audit anchors (embedded default: generated beside the store)',
  AUDIT_ANCHOR_EVERY: 'entries between signed audit anchors (default 1000)',
  AUDIT_ANCHOR_MINUTES: 'minutes at most between signed audit anchors while entries arrive (default 10)',
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
