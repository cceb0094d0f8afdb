/**
 * The projector as a Nest module: runs one Projector for the application's lifetime. Needs
 * EVENT_STORE and SQL_CLIENT from the composing app (PlatformModule provides both).
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { ReadModelStore } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { ReadModelsModule } from '../../../libs/read-models/src/read-models.module.js';
import { AuditAnchorSignerModule } from '../../../libs/read-models/src/audit/anchors/audit-anchors.module.js';
import { Projector } from './projector.js';

export const PROJECTOR = Symbol('PROJECTOR');

@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PROJECTOR) private readonly projector: Projector) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }
}

const logger = new Logger('Projector');

const providers: Provider[] = [
  {
    provide: PROJECTOR,
    useFactory: (events: EventStore, store: ReadModelStore) =>
      new Projector(events, store, { logger: { error: (obj, msg) => logger.error({ ...obj, msg }) } }),
    inject: [EVENT_STORE, ReadModelStore],
  },
  { provide: Projector, useExisting: PROJECTOR },
  ProjectorLifecycle,
];

@Module({ imports: [AuditAnchorSignerModule, ReadModelsModule], providers, exports: [PROJECTOR, Projector, ReadModelsModule] })
export class ProjectorModule {}
