/**
 * The record kinds' read side for the API: `RecordsReader.fresh()` brings the record projections up
 * to the head of the log, then answers with the queries (read-your-writes without a token).
 */
import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../event-store/src/event-store.port.js';
import { SQL_CLIENT, type SqlClient } from '../../../sql/src/sql-client.port.js';
import { RecordsCatchUp } from './document-projection.js';
import { RECORD_PROJECTIONS } from './record-kinds.js';
import { RecordQueries } from './record.queries.js';

@Injectable()
export class RecordsReader {
  private readonly catchUp: RecordsCatchUp;
  readonly queries: RecordQueries;

  constructor(@Inject(SQL_CLIENT) readonly sql: SqlClient, @Inject(EVENT_STORE) private readonly store: EventStore) {
    this.catchUp = new RecordsCatchUp(sql, RECORD_PROJECTIONS);
    this.queries = new RecordQueries(sql);
  }

  async fresh(): Promise<RecordQueries> {
    await this.catchUp.catchUp(this.store);
    return this.queries;
  }
}

@Module({ providers: [RecordsReader], exports: [RecordsReader] })
export class RecordsModule {}
