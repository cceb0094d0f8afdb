/**
 * Nest wiring of the signed anchors. `AuditAnchorKeyModule`: the signing key (AUDIT_SIGNING_KEY, or
 * the embedded default's generated one; null elsewhere) and the anchor list, for the API.
 * `AuditAnchorSignerModule`: registers the signer (a leader reactor) with the process's processor host
 * and runs its clock for time-due anchors; imported by the projector (hence also the all-in-one).
 * Needs APP_CONFIG, EVENT_STORE and SQL_CLIENT from the composing app (PlatformModule).
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../../event-store/src/event-store.port.js';
import { ensureAuditSigningKey } from '../../../../platform/src/audit-signing-key.js';
import { APP_CONFIG, type AppConfig } from '../../../../platform/src/config.js';
import { SQL_CLIENT, type SqlClient } from '../../../../sql/src/sql-client.port.js';
import { AnchorQueries, auditAnchorsProjection } from './anchor.queries.js';
import { PROCESSOR_HOST, ProcessorHostModule, registerProcessor } from '../../../../processors/src/processor-host.module.js';
import type { ProcessorHost } from '../../../../processors/src/host.js';
import { auditAnchorSigner, type AnchorSigner } from './anchor-signer.js';
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

/** The signer registered with the process's processor host; null without a key. */
export const AUDIT_ANCHOR_SIGNER_PROCESSOR = Symbol('AUDIT_ANCHOR_SIGNER_PROCESSOR');

const signerProvider: Provider = {
  provide: AUDIT_ANCHOR_SIGNER_PROCESSOR,
  useFactory: (host: ProcessorHost, key: AnchorSigningKey | null, config: AppConfig, events: EventStore): AnchorSigner | null => {
    if (key === null) return null;
    const signer = auditAnchorSigner({
      events,
      key,
      every: config.audit.anchorEvery,
      minutes: config.audit.anchorMinutes,
      onError: (error) => logger.error({ err: error, msg: 'writing a time-due audit anchor failed (retried at the next tick)' }),
    });
    host.register(signer);
    return signer;
  },
  inject: [PROCESSOR_HOST, AUDIT_ANCHOR_KEY, APP_CONFIG, EVENT_STORE],
};

@Injectable()
class AnchorClock implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(AUDIT_ANCHOR_SIGNER_PROCESSOR) private readonly signer: AnchorSigner | null,
    @Inject(AUDIT_ANCHOR_KEY) private readonly key: AnchorSigningKey | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  onApplicationBootstrap(): void {
    if (this.signer === null || this.key === null) {
      logger.warn('AUDIT_SIGNING_KEY is not set: no audit anchors are written, and GET /v1/audit/public-key answers 404');
      return;
    }
    this.signer.start(this.sql);
    logger.log(`signing audit anchors every ${this.config.audit.anchorEvery} entries or ${this.config.audit.anchorMinutes} minutes with key ${this.key.keyId}`);
  }

  onModuleDestroy(): void {
    this.signer?.stop();
  }
}

/** The anchor list, a projection of stream `audit-anchors` (kept with or without a key: earlier anchors stay listed). */
export const AUDIT_ANCHORS_LIST = Symbol('AUDIT_ANCHORS_LIST');

/** The signer and the anchor list in a worker process (the projector's, hence also the all-in-one): registrations with the host. */
@Module({
  imports: [AuditAnchorKeyModule, ProcessorHostModule],
  providers: [signerProvider, AnchorClock, registerProcessor(AUDIT_ANCHORS_LIST, { create: () => auditAnchorsProjection() })],
})
export class AuditAnchorSignerModule {}
