/**
 * The people cascade as a Nest module: one reactor of the process's processor host. Needs
 * EVENT_STORE, SQL_CLIENT and CATALOGUE from the composing app (PlatformModule provides them).
 */
import { Module, type Provider } from '@nestjs/common';
import type { Catalogue } from '../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import { ProcessorHostModule, registerProcessor } from '../../../libs/processors/src/processor-host.module.js';
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { PeopleCascade } from './people-cascade.js';

export const PEOPLE_CASCADE = Symbol('PEOPLE_CASCADE');
export const PEOPLE_CASCADE_PROCESSOR = Symbol('PEOPLE_CASCADE_PROCESSOR');

const PEOPLE_CASCADE_PROVIDERS: Provider[] = [
  {
    provide: PEOPLE_CASCADE,
    useFactory: (store: EventStore, sql: SqlClient, catalogue: Catalogue) => new PeopleCascade({ store, sql, catalogue }),
    inject: [EVENT_STORE, SQL_CLIENT, CATALOGUE],
  },
  { provide: PeopleCascade, useExisting: PEOPLE_CASCADE },
  registerProcessor(PEOPLE_CASCADE_PROCESSOR, { inject: [PEOPLE_CASCADE], create: (cascade: PeopleCascade) => cascade.reactor() }),
];

@Module({ imports: [ProcessorHostModule], providers: PEOPLE_CASCADE_PROVIDERS, exports: [PEOPLE_CASCADE, PeopleCascade] })
export class PeopleCascadeModule {}
