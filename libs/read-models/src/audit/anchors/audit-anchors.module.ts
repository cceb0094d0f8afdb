/**
 * Nest wiring of the signed anchors. `AuditAnchorKeyModule`: the signing key (AUDIT_SIGNING_KEY, or
 * the embedded default's generated one; null elsewhere) and the anchor list, for the API.
 * `AuditAnchorSignerModule`: runs the signer in a worker (the projector, hence also the all-in-one).
 * Needs APP_CONFIG, EVENT_STORE and SQL_CLIENT from the composing app (PlatformModule).
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../../event-store/src/event-store.port.js';
import { ensureAuditSigningKey } from '../../../../platform/src/audit-signing-key.js';
import { APP_CONFIG, type AppConfig } from '../../../../platform/src/config.js';
import { SQL_CLIENT, type SqlClient } from '../../../../sql/src/sql-client.port.js';
import { AnchorQueries } from './anchor.queries.js';
import { auditAnchorSigner } from './anchor-signer.js';
import { AnchorSignerRunner } from './anchor-signer.runner.js';
import { anchorSigningKey, type AnchorSigningKey } from './anchor-signing-key.js';

/** The anchors' signing key, or null when none is configured (outside the embedded default). */
export const AUDIT_ANCHOR_KEY = Symbol('AUDIT_ANCHOR_KEY');
/** Where the embedded default keeps its generated key (null when AUDIT_SIGNING_KEY set it, or no key). */
export const AUDIT_ANCHOR_KEY_FILE = Symbol('AUDIT_ANCHOR_KEY_FILE');

interface KeyFacts {
  readonly key: AnchorSigningKey | null;
  readonly file: string | null;
}
const KEY_FACTS = Symbol('AUDIT_ANCHOR_KEY_FACTS');

const keyProviders: Provider[] = [
  {
    provide: KEY_FACTS,
    useFactory: (config: AppConfig): KeyFacts => {
      const source = ensureAuditSigningKey(config);
      return { key: source === null ? null : anchorSigningKey(source.pem), file: source?.generatedFile ?? null };
    },
    inject: [APP_CONFIG],
  },
  { provide: AUDIT_ANCHOR_KEY, useFactory: (facts: KeyFacts) => facts.key, inject: [KEY_FACTS] },
  { provide: AUDIT_ANCHOR_KEY_FILE, useFactory: (facts: KeyFacts) => facts.file, inject: [KEY_FACTS] },
  { provide: AnchorQueries, useFactory: (sql: SqlClient) => new AnchorQueries(sql), inject: [SQL_CLIENT] },
];

@Module({ providers: keyProviders, exports: [AUDIT_ANCHOR_KEY, AUDIT_ANCHOR_KEY_FILE, AnchorQueries] })
export class AuditAnchorKeyModule {}

const logger = new Logger('AuditAnchors');

@Injectable()
class AnchorSignerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: AnchorSignerRunner | null = null;

  constructor(
    @Inject(AUDIT_ANCHOR_KEY) private readonly key: AnchorSigningKey | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.key === null) {
      logger.warn('AUDIT_SIGNING_KEY is not set: no audit anchors are written, and GET /v1/audit/public-key answers 404');
      return;
    }
    const signer = auditAnchorSigner({
      events: this.events,
      key: this.key,
      every: this.config.audit.anchorEvery,
      minutes: this.config.audit.anchorMinutes,
      onError: (error) => logger.error({ err: error, msg: 'writing an audit anchor failed (retried)' }),
    });
    this.runner = new AnchorSignerRunner({ events: this.events, sql: this.sql, signer, onError: (error) => logger.error({ err: error, msg: 'audit anchor signer batch failed (retried)' }) });
    await this.runner.start();
    logger.log(`signing audit anchors every ${this.config.audit.anchorEvery} entries or ${this.config.audit.anchorMinutes} minutes, key ${this.key.keyId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}

@Module({ imports: [AuditAnchorKeyModule], providers: [AnchorSignerLifecycle] })
export class AuditAnchorSignerModule {}
