/**
 * The record kinds' read side for the API: each record projection is a processor of this process's
 * host (one subscription); `RecordsReader.fresh()` waits until they have reached the head of the log
 * as the request found it (read-your-writes without a token), then answers with the queries.
 */
import { Inject, Injectable, Module, type Provider } from '@nestjs/common';
import { comparePositions, EVENT_STORE, type EventStore, type Position } from '../../../event-store/src/event-store.port.js';
import { APP_CONFIG, type AppConfig } from '../../../platform/src/config.js';
import type { ProcessorHost } from '../../../processors/src/host.js';
import { PROCESSOR_HOST, ProcessorHostModule, registerProcessor } from '../../../processors/src/processor-host.module.js';
import { hostedProcessor, waitForPosition } from '../../../processors/src/wait-for-position.js';
import { SQL_CLIENT, type SqlClient } from '../../../sql/src/sql-client.port.js';
import { RECORD_PROJECTIONS } from './record-kinds.js';
import { RecordQueries } from './record.queries.js';

@Injectable()
export class RecordsReader {
  readonly queries: RecordQueries;

  constructor(
    @Inject(SQL_CLIENT) readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESSOR_HOST) private readonly host: ProcessorHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queries = new RecordQueries(sql);
  }

  /**
   * The queries once every record projection has reached the head of the log (or `atLeast`, a checked
   * consistency token, when it is further: a write through another replica); null after the bounded wait.
   */
  async fresh(atLeast: Position | null = null): Promise<RecordQueries | null> {
    const head = await this.store.headPosition();
    const target = atLeast !== null && comparePositions(atLeast, head) > 0 ? atLeast : head;
    for (const projection of RECORD_PROJECTIONS) {
      if (!(await waitForPosition(hostedProcessor(this.host, projection.name), target, this.config.consistencyWaitMs))) return null;
    }
    return this.queries;
  }
}

const REGISTRATIONS: Provider[] = RECORD_PROJECTIONS.map((projection) => registerProcessor(Symbol.for(`processor:${projection.name}`), { create: () => projection }));

@Module({ imports: [ProcessorHostModule], providers: [RecordsReader, ...REGISTRATIONS], exports: [RecordsReader] })
export class RecordsModule {}
