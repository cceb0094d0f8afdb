import { createPgliteClient } from '../../../sql/src/index.js';
import { runEventStoreContract, newEvent } from '../testing/event-store.contract.js';
import { pgliteStore } from '../testing/sql-stores.js';
import { appendToStream, createPostgresEventStore } from './postgres-event-store.js';

runEventStoreContract('PGlite (in memory)', pgliteStore);

describe('PGlite event store when a transaction is rolled back mid-way', () => {
  it('leaves neither the events nor the stream revision behind', async () => {
    const sql = await createPgliteClient('memory');
    const store = createPostgresEventStore(sql, { ownsClient: true });
    await store.ensureSchema();
    const crash = new Error('crash after append');
    await expect(
      sql.transaction(async (tx) => {
        await appendToStream(tx, 'rolled-back', [newEvent(), newEvent()], 'no_stream');
        throw crash;
      }),
    ).rejects.toBe(crash);
    expect(await store.readStream('rolled-back')).toEqual([]);
    expect(await store.readAll()).toEqual([]);
    await expect(store.append('rolled-back', [newEvent()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextRevision: 0 });
    await store.close();
  });
});
