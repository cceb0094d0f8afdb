/** The work of `authz audit report --at T` (no Nest): the whole log through the report builder, with progress. */
import type { Catalogue } from '../../../libs/domain/src/catalogue/catalogue.js';
import { START, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { decodePosition } from '../../../libs/event-store/src/position.js';
import { holdingsReport, type HoldingsReport } from '../../../libs/read-models/src/audit/report/holdings-report.js';

const sequenceOf = (position: string): number | null => {
  try {
    const value = Number(decodePosition(position)[1]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

/** Reads the log in batches (it answers "as of T" from the full history, as a check `at: T` does). */
export const reportHoldings = async (
  events: Pick<EventStore, 'readAll' | 'headPosition'>,
  catalogue: Pick<Catalogue, 'baselines' | 'authorities'>,
  at: string,
  onProgress?: (done: number, total: number) => void,
): Promise<HoldingsReport> => {
  const builder = holdingsReport(catalogue, at);
  const head = await events.headPosition();
  const total = sequenceOf(head);
  let after = START;
  let read = 0;
  for (;;) {
    const batch = await events.readAll({ after, limit: 5000 });
    const last = batch[batch.length - 1];
    if (last === undefined) break;
    builder.add(batch);
    read += batch.length;
    after = last.position;
    const at = sequenceOf(after);
    onProgress?.(total !== null && at !== null ? at : read, total ?? read);
    if (after >= head) break;
  }
  return builder.build();
};
