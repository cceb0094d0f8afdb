import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { jest } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { loadConfig, PlatformModule } from '../../../libs/platform/src/index.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../libs/processors/src/processor-host.module.js';
import { AuthorizationServiceModule } from '../../authorization-service/src/authorization-service.module.js';
import { createHttpApp } from '../../authorization-service/src/http/create-http-app.js';
import { HOOK_TIMEOUT_MS } from '../../../test/support/timeouts.js';
import { BACKGROUND_MODULES } from './background-modules.js';

describe('the all-in-one', () => {
  it('reads the log once: one processor host with every processor, one subscription', async () => {
    const config = loadConfig({ EVENT_STORE_URL: 'pglite://memory', AUTH_JWT_SECRET: 'test-secret-of-at-least-thirty-two-characters!', SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    @Module({ imports: [PlatformModule.forRoot(config, { httpLogging: false }), AuthorizationServiceModule, ...BACKGROUND_MODULES] })
    class AllInOne {}
    const app = await createHttpApp(AllInOne, { logger: false, console: false });
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      const subscribe = jest.spyOn(store, 'subscribeToAll');
      await app.init();
      const host = app.get<ProcessorHost>(PROCESSOR_HOST);
      expect(host.names()).toEqual(expect.arrayContaining(['read-models.v2', 'kpis', 'people-cascade', 'permission-index']));
      expect(subscribe).toHaveBeenCalledTimes(1);
      expect((await host.readiness()).processors.every((p) => p.caughtUp || !p.leading)).toBe(true);
    } finally {
      await app.close();
    }
  }, HOOK_TIMEOUT_MS);
});
