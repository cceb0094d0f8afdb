/**
 * The codec's upcaster chain on real stores (SPEC §6, STYLE §9): an `EmployeeLeft` row written by
 * the v1 writer (`at`, no `schemaVersion`) is read back as the v2 domain event (`leftAt`), folds
 * through `handleCommand`, and stays as it was stored; new departures are written as v2.
 */
import { decodeEvent, employeeDecider, foldStored, type EmployeeLeft } from '../../domain/src/index.js';
import type { EventStore } from './event-store.port.js';
import { handleCommand } from './handle-command.js';
import type { ContractFixture } from './testing/event-store.contract.js';
import { pgliteStore, postgresStore } from './testing/sql-stores.js';

const REGISTERED_V1 = '{"employeeId":"E1","name":"Ada","role":"agent","team":"A","reportsTo":"S1","department":"CS"}';
const LEFT_V1 = '{"employeeId":"E1","reason":"resigned","at":"2026-02-01T00:00:00.000Z"}';
const metadata = { occurredAt: '2026-02-01T00:00:00.000Z', actor: { id: 'svc:hr', kind: 'service' }, correlationId: 'c', causationId: 'c', policyVersion: 'p' };

const stores: [string, () => Promise<ContractFixture>][] = [
  ['PGlite', pgliteStore],
  ['PostgreSQL', () => postgresStore('es_upcast')],
];

describe.each(stores)('a v1 EmployeeLeft stored in %s', (_name, open) => {
  let store: EventStore;
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    ({ store, teardown } = await open());
    await store.append(
      'employee-E1',
      [
        { id: globalThis.crypto.randomUUID(), type: 'EmployeeRegistered', data: JSON.parse(REGISTERED_V1), metadata },
        { id: globalThis.crypto.randomUUID(), type: 'EmployeeLeft', data: JSON.parse(LEFT_V1), metadata },
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(() => teardown());

  it('is read as the v2 domain event, and the row keeps its v1 JSON', async () => {
    const [, left] = await store.readStream('employee-E1');
    expect(left?.data).toEqual(JSON.parse(LEFT_V1));
    expect(left?.metadata['schemaVersion']).toBeUndefined();
    const expected: EmployeeLeft = { type: 'EmployeeLeft', data: { employeeId: 'E1', reason: 'resigned', leftAt: '2026-02-01T00:00:00.000Z' }, metadata: expect.objectContaining(metadata) };
    expect(left && decodeEvent(left)).toEqual(expected);
    expect((await store.readStream('employee-E1'))[1]?.data).toEqual(JSON.parse(LEFT_V1));
  });

  it('folds through the decider: the employee left at the v1 instant', async () => {
    expect(foldStored(employeeDecider, await store.readStream('employee-E1'))).toMatchObject({ status: 'left', leftAt: '2026-02-01T00:00:00.000Z', reason: 'resigned' });
    const again = await handleCommand(store, 'employee-E1', employeeDecider, { type: 'RecordDeparture', data: { employeeId: 'E1', reason: null, now: '2026-03-01T00:00:00.000Z' } });
    expect(again.events).toEqual([]);
    expect(again.newState).toMatchObject({ status: 'left', leftAt: '2026-02-01T00:00:00.000Z' });
  });

  it('writes a new departure as v2 (leftAt, schemaVersion 2), read back unchanged', async () => {
    await handleCommand(store, 'employee-E2', employeeDecider, { type: 'RegisterEmployee', data: { employeeId: 'E2', name: 'Bo', role: 'agent', team: 'A', reportsTo: 'S1', department: 'CS' } }, { metadata: () => metadata });
    await handleCommand(store, 'employee-E2', employeeDecider, { type: 'RecordDeparture', data: { employeeId: 'E2', reason: 'moved', now: '2026-04-01T00:00:00.000Z' } }, { metadata: () => metadata });
    const [registered, left] = await store.readStream('employee-E2');
    expect(registered?.metadata['schemaVersion']).toBeUndefined();
    expect(left?.metadata['schemaVersion']).toBe(2);
    expect(left?.data).toEqual({ employeeId: 'E2', reason: 'moved', leftAt: '2026-04-01T00:00:00.000Z' });
    expect(left && decodeEvent(left)?.data).toEqual({ employeeId: 'E2', reason: 'moved', leftAt: '2026-04-01T00:00:00.000Z' });
  });
});
