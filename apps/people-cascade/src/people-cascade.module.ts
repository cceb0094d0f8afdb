/**
 * The people cascade as a Nest module: runs one PeopleCascade for the application's lifetime.
 * Needs EVENT_STORE, SQL_CLIENT and CATALOGUE from the composing app (PlatformModule provides them).
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import type { Catalogue } from '../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { PeopleCascade } from './people-cascade.js';

export const PEOPLE_CASCADE = Symbol('PEOPLE_CASCADE');

@Injectable()
class PeopleCascadeLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(PEOPLE_CASCADE) private readonly cascade: PeopleCascade) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.cascade.start();
  }

  /** Before the stores close (PlatformModule closes them on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.cascade.stop();
  }
}

const logger = new Logger('PeopleCascade');

const PEOPLE_CASCADE_PROVIDERS: Provider[] = [
  {
    provide: PEOPLE_CASCADE,
    useFactory: (store: EventStore, sql: SqlClient, catalogue: Catalogue) =>
      new PeopleCascade({ store, sql, catalogue, logger: { error: (obj, msg) => logger.error({ ...obj, msg }) } }),
    inject: [EVENT_STORE, SQL_CLIENT, CATALOGUE],
  },
  { provide: PeopleCascade, useExisting: PEOPLE_CASCADE },
  PeopleCascadeLifecycle,
];

@Module({ providers: PEOPLE_CASCADE_PROVIDERS, exports: [PEOPLE_CASCADE, PeopleCascade] })
export class PeopleCascadeModule {}
