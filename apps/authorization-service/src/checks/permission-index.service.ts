import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { Catalogue } from '../../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, type Subscription, START } from '../../../../libs/event-store/src/index.js';
import { APP_CONFIG, type AppConfig, CATALOGUE } from '../../../../libs/platform/src/index.js';
import { PermissionIndex } from '../../../../libs/read-models/src/permission-index/index.js';
import type { EmployeeStatusSource } from '../directory/directory.service.js';
import type { ReadinessProbe } from '../health/readiness.js';
import { UnavailableError } from '../shared/application-errors.js';
import { refuseUnwritten } from '../queries/read-model-consistency.js';
import type { DesignationSource } from '../workflow/designation-source.js';

const positionGauge = new Gauge({ name: 'authz_permission_index_events_applied', help: 'Events applied to this replica’s permission index' });

/**
 * This replica's in-memory permission index, fed by a catch-up subscription to the event store.
 * Queries carrying a consistency token wait here until the index has applied that position.
 */
@Injectable()
export class PermissionIndexService implements OnModuleInit, OnApplicationShutdown, EmployeeStatusSource, DesignationSource, ReadinessProbe {
  readonly name = 'permissionIndex';
  readonly index: PermissionIndex;
  private subscription: Subscription | null = null;
  private caughtUp = false;
  private applied = 0;
  private waiters: { position: string; resolve: () => void }[] = [];
  private readonly logger = new Logger('PermissionIndex');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CATALOGUE) catalogue: Catalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.index = new PermissionIndex(catalogue);
  }

  /** Start-up waits until the index has caught up with the store, so the first answer is not stale. */
  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      this.subscription = this.store.subscribeToAll({
        after: START,
        batchSize: 2000,
        onEvent: (event) => {
          this.index.apply(event);
          this.applied += 1;
          this.release(event.position);
        },
        onCaughtUp: () => {
          if (!this.caughtUp) {
            this.caughtUp = true;
            this.logger.log(`caught up: ${this.applied} events in ${Date.now() - started} ms`);
            resolve();
          }
        },
        onError: (error: unknown) => {
          this.logger.error({ err: error }, 'subscription failed');
          if (!this.caughtUp) reject(error instanceof Error ? error : new Error(String(error)));
        },
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  position(): string {
    return this.index.position() ?? START;
  }

  /** Resolves once the index has applied `position`; 503 after the bounded wait. */
  async waitFor(position: string | null): Promise<void> {
    if (position === null || position <= this.position()) return;
    await refuseUnwritten(this.store, position);
    if (position <= this.position()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new UnavailableError('CONSISTENCY_TIMEOUT', `the read side has not reached position ${position} yet; retry`));
      }, this.config.consistencyWaitMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done });
    });
  }

  private release(position: string): void {
    positionGauge.set(this.applied);
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= position);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > position);
    for (const waiter of ready) waiter.resolve();
  }

  status(employeeId: string): 'active' | 'left' | 'unknown' {
    return this.index.employment(employeeId, Date.now());
  }

  async grantInForce(employeeId: string, authority: string, at: string): Promise<string | null> {
    const result = this.index.check({ employeeId, authority, at: Date.parse(at) });
    return result.allowed && result.reason === 'GRANT' ? (result.grantId ?? null) : null;
  }

  check(head: string | null): { ready: boolean; position: string | null; lagging: boolean } {
    const position = this.position();
    const lagging = head !== null && head > position;
    return { ready: this.caughtUp, position, lagging };
  }
}
