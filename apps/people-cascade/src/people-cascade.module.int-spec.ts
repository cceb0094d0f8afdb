import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { catalogue } from '../../../libs/domain/src/testing/default-catalogue.js';
import { people } from '../../../libs/domain/src/testing/fixtures.js';
import { EVENT_STORE } from '../../../libs/event-store/src/event-store.port.js';
import { createPostgresEventStore } from '../../../libs/event-store/src/postgres/index.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import { createPgliteClient } from '../../../libs/sql/src/pglite-client.js';
import { SQL_CLIENT } from '../../../libs/sql/src/sql-client.port.js';
import { PEOPLE_CASCADE, PeopleCascadeModule } from './people-cascade.module.js';
import { PeopleCascade } from './people-cascade.js';
import { directory, eventsOfType, grant, register } from '../../../test/support/authorization-fixture.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../test/support/timeouts.js';

describe('PeopleCascadeModule', () => {
  it('follows the log for the application lifetime and stops on close', async () => {
    const sql = await createPgliteClient('memory');
    const store = createPostgresEventStore(sql);
    await store.ensureSchema();
    await register(store, people.agent, '2030-01-01T00:00:00.000Z');
    await grant(store, { id: 'A1', stage: 'active', now: '2030-01-01T00:00:00.000Z', validFrom: '2030-01-01T00:00:00.000Z', validUntil: '2030-01-10T00:00:00.000Z' });

    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }, { provide: SQL_CLIENT, useValue: sql }, { provide: CATALOGUE, useValue: catalogue }], exports: [EVENT_STORE, SQL_CLIENT, CATALOGUE] })
    class Stores {}
    @Module({ imports: [Stores, PeopleCascadeModule] })
    class App {}

    const app = await NestFactory.createApplicationContext(App, { logger: false });
    try {
      expect(app.get(PEOPLE_CASCADE)).toBeInstanceOf(PeopleCascade);
      await directory(store, { type: 'RecordDeparture', data: { employeeId: 'E1', reason: null, now: '2030-01-02T00:00:00.000Z' } }, 'leave', '2030-01-02T00:00:00.000Z');
      const deadline = Date.now() + WAIT_BOUND_MS;
      while ((await eventsOfType(store, 'A1', 'AuthorizationRevoked')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(await eventsOfType(store, 'A1', 'AuthorizationRevoked')).toHaveLength(1);
    } finally {
      await app.close();
      await sql.close();
    }
  }, HOOK_TIMEOUT_MS);
});
