import type { RecordQueries } from '../../../../libs/read-models/src/records/record.queries.js';
import type { RecordsReader } from '../../../../libs/read-models/src/records/records.module.js';
import { UnavailableError } from './application-errors.js';

/** The record read models as of the head of the log when the request came; 503 CONSISTENCY_TIMEOUT after the bounded wait. */
export async function freshRecords(reader: RecordsReader, atLeast: string | null = null): Promise<RecordQueries> {
  const queries = await reader.fresh(atLeast);
  if (queries === null) throw new UnavailableError('CONSISTENCY_TIMEOUT', 'the record read models have not reached the head of the log yet; retry');
  return queries;
}
