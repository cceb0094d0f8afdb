import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { catalogue } from '../../../libs/domain/src/testing/default-catalogue.js';
import { EVENT_STORE } from '../../../libs/event-store/src/event-store.port.js';
import { createPostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../libs/processors/src/processor-host.module.js';
import { SQL_CLIENT } from '../../../libs/sql/src/sql-client.port.js';
import { EXPIRY_SCHEDULER, ExpirySchedulerModule } from './expiry-scheduler.module.js';
import { ExpiryScheduler } from './expiry-scheduler.js';
import { eventsOfType, grant } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

describe('ExpirySchedulerModule', () => {
  it("runs the scheduler on the process's processor host for the application lifetime with the injected clock and stops on close", async () => {
    const sql = await createPgliteClient('memory');
    const store = createPostgresEventStore(sql);
    await store.ensureSchema();
    await grant(store, { id: 'A1', stage: 'active', now: '2030-01-01T00:00:00.000Z', validFrom: '2030-01-01T00:00:00.000Z', validUntil: '2030-01-10T00:00:00.000Z' });

    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }, { provide: SQL_CLIENT, useValue: sql }, { provide: CATALOGUE, useValue: catalogue }], exports: [EVENT_STORE, SQL_CLIENT, CATALOGUE] })
    class Stores {}
    @Module({ imports: [Stores, ExpirySchedulerModule.forRoot({ pollIntervalMs: 5, clock: () => new Date('2030-01-10T00:00:01.000Z') })] })
    class App {}

    const app = await NestFactory.createApplicationContext(App, { logger: false });
    try {
      expect(app.get(EXPIRY_SCHEDULER)).toBeInstanceOf(ExpiryScheduler);
      // Its tables and its leader reactor are the host's processors (no read of the log of its own).
      expect(app.get<ProcessorHost>(PROCESSOR_HOST).names()).toEqual(['expiry-scheduler:due-dates', 'expiry-scheduler:due']);
      const deadline = Date.now() + WAIT_BOUND_MS;
      while ((await eventsOfType(store, 'A1', 'AuthorizationExpired')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect((await eventsOfType(store, 'A1', 'AuthorizationExpired')).map((e) => e.data)).toMatchObject([{ expiredAt: '2030-01-10T00:00:01.000Z' }]);
    } finally {
      await app.close();
      await sql.close();
    }
  }, HOOK_TIMEOUT_MS);
});
