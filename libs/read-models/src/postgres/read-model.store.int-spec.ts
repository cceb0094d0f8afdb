import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { SqlClient, SqlQueryable } from '../../../sql/src/sql-client.port.js';
import { exportAuditLines } from '../audit/audit-export.js';
import { verifyAuditExport } from '../audit/audit-verify.js';
import { applyThrough, EventLog, register, seedDirectory } from '../testing/event-log.js';
import { createPgClient } from '../../../sql/src/pg-client.js';
import { createPgliteClient } from '../../../sql/src/pglite-client.js';
import { createTestDatabase } from '../testing/sql-clients.js';
import { InvalidCursorError, InvalidFilterError, InvalidLimitError } from './cursor.js';
import { ReadModelQueries } from './read-model.queries.js';
import { ReadModelStore } from './read-model.store.js';
import { rebuildReadModels } from './rebuild.js';
import { migrateReadModels, READ_MODEL_TABLES } from './schema.js';

interface Backend {
  readonly name: string;
  readonly open: () => Promise<{ sql: SqlClient; dispose: () => Promise<void> }>;
}

const backends: Backend[] = [
  { name: 'PGlite', open: async () => { const sql = await createPgliteClient('memory'); return { sql, dispose: () => sql.close() }; } },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await createTestDatabase('rm_store');
      const sql = createPgClient(db.url, { max: 4 });
      return { sql, dispose: async () => { await sql.close(); await db.drop(); } };
    },
  },
];

/** Throws inside the transaction at the first statement matching `failOn`, like a crash mid-batch. */
const crashingAt = (sql: SqlClient, failOn: RegExp): SqlClient => ({
  dialect: sql.dialect,
  query: (text, params) => sql.query(text, params),
  close: () => sql.close(),
  transaction: (fn) =>
    sql.transaction((tx) => {
      const faulty: SqlQueryable = {
        query: async (text, params) => {
          if (failOn.test(text)) throw new Error('simulated crash');
          return tx.query(text, params);
        },
      };
      return fn(faulty);
    }),
});

const dump = async (sql: SqlClient): Promise<Record<string, unknown>> => {
  const tables: Record<string, unknown> = {};
  for (const table of READ_MODEL_TABLES) tables[table] = (await sql.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
  tables['processor_checkpoints'] = (await sql.query('SELECT name, position FROM processor_checkpoints ORDER BY name')).rows;
  return tables;
};

const batches = (events: readonly RecordedEvent[], size: number): RecordedEvent[][] => {
  const out: RecordedEvent[][] = [];
  for (let i = 0; i < events.length; i += size) out.push(events.slice(i, i + size));
  return out;
};

/** The scenario: a directory and one application in every open stage, plus ended ones. */
const scenario = (): EventLog => {
  const log = new EventLog();
  seedDirectory(log);
  applyThrough(log, 'A1', 'applied', { applicant: 'E1' });
  applyThrough(log, 'A2', 'reviewed', { applicant: 'E2' });
  applyThrough(log, 'A3', 'approved', { applicant: 'E1' });
  applyThrough(log, 'A4', 'final', { applicant: 'E1' });
  applyThrough(log, 'A5', 'noticed', { applicant: 'E2' });
  applyThrough(log, 'A6', 'acknowledged', { applicant: 'E1' });
  log.add({ type: 'AuthorizationRevoked', data: { authorizationId: 'A6', revokedBy: 'M2', reason: 'violation', cause: 'manual', revokedAt: '2026-03-01T00:00:00.000Z' } }, 'M2');
  log.addRaw('report-R1', 'ViolationReported', { reportId: 'R1', subjectEmployeeId: 'E2' }, 'E1');
  return log;
};

describe.each(backends)('read models on $name', (backend) => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let store: ReadModelStore;
  let queries: ReadModelQueries;

  beforeAll(async () => {
    ({ sql, dispose } = await backend.open());
    await Promise.all([migrateReadModels(sql), migrateReadModels(sql)]);
    await migrateReadModels(sql);
    store = new ReadModelStore(sql);
    queries = new ReadModelQueries(sql);
  });
  beforeEach(async () => store.reset());
  afterAll(async () => dispose());

  describe('applying batches', () => {
    it('projects rows, employees and audit entries and moves the checkpoint', async () => {
      const log = scenario();
      for (const batch of batches(log.events, 7)) await store.apply(batch);
      expect(await queries.checkpoint()).toBe(log.events[log.events.length - 1]?.position);
      const a4 = await queries.getAuthorization('A4');
      expect(a4).toMatchObject({ status: 'pending_notice', executiveId: 'X1' });
      expect(a4?.history.map((h) => `${h.type}:${h.actor?.id}`)).toEqual(['AuthorizationApplied:E1', 'InitialReviewPassed:S1', 'ManagerApproved:M1', 'ExecutiveApproved:X1']);
      expect(a4?.history[1]?.data).toEqual({ reviewerId: 'S1', opinion: 'ok' });
      expect(await queries.getAuthorization('A6')).toMatchObject({ status: 'revoked', endedBy: 'M2' });
      expect(await queries.getAuthorization('nope')).toBeNull();
      expect(await queries.getEmployee('E1')).toMatchObject({ role: 'agent', reportsTo: 'S1', team: 'T1' });
      expect((await queries.listAudit({ limit: 500 })).items).toHaveLength(log.events.length);
    });

    it('is a no-op when a batch is replayed', async () => {
      const log = scenario();
      await store.apply(log.events);
      const before = await dump(sql);
      await store.apply(log.events.slice(3, 20));
      await store.apply(log.events);
      expect(await dump(sql)).toEqual(before);
    });

    it('shows nothing of a batch that crashed and restarts into the same tables as a rebuild', async () => {
      const log = scenario();
      const [first, second, ...rest] = batches(log.events, 10);
      await store.apply(first ?? []);
      const afterFirst = await dump(sql);
      for (const step of [/INSERT INTO rm_authorizations/, /INSERT INTO rm_inbox_tasks/, /INSERT INTO rm_audit/, /INSERT INTO processor_checkpoints/]) {
        await expect(new ReadModelStore(crashingAt(sql, step)).apply(second ?? [])).rejects.toThrow('simulated crash');
        expect(await dump(sql)).toEqual(afterFirst);
      }
      const restarted = new ReadModelStore(sql);
      for (const batch of [second ?? [], ...rest]) {
        const from = await restarted.checkpoint();
        await restarted.apply(batch.filter((e) => e.position > from));
      }
      const resumed = await dump(sql);
      const progress: number[] = [];
      const result = await rebuildReadModels(store, log.asStore(), { batchSize: 4, onProgress: (p) => progress.push(p.applied) });
      expect(result.applied).toBe(log.events.length);
      expect(progress[progress.length - 1]).toBe(log.events.length);
      expect(await dump(sql)).toEqual(resumed);
    });
  });

  describe('rebuild', () => {
    const indexes = async (): Promise<number> =>
      Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM pg_indexes WHERE tablename LIKE 'rm\\_%' AND indexname NOT LIKE '%pkey'`)).rows[0]?.n);

    it('bulk-loads without secondary indexes and builds them at the end', async () => {
      const before = await indexes();
      expect(before).toBeGreaterThan(5);
      await rebuildReadModels(store, scenario().asStore(), { batchSize: 5 });
      expect(await indexes()).toBe(before);
      await store.dropIndexes();
      expect(await indexes()).toBe(0);
      await migrateReadModels(sql);
      expect(await indexes()).toBe(before);
    });
  });

  describe('inbox', () => {
    beforeEach(async () => store.apply(scenario().events));
    const kinds = async (id: string, role: 'agent' | 'supervisor' | 'manager' | 'executive', designee = false): Promise<string[]> =>
      (await queries.inbox({ id, role, team: null }, designee)).map((t) => `${t.kind}:${t.authorizationId}`).sort();

    it('routes each open step to the people who may take it', async () => {
      expect(await kinds('S1', 'supervisor')).toEqual(['review:A1']);
      expect(await kinds('S2', 'supervisor')).toEqual([]);
      expect(await kinds('M1', 'manager')).toEqual(['approval:A2', 'notice:A4']);
      expect(await kinds('X1', 'executive')).toEqual(['final-approval:A3']);
      expect(await kinds('E2', 'agent')).toEqual(['acknowledgement:A5']);
      expect(await kinds('S1', 'supervisor', true)).toEqual(['notice:A4', 'review:A1']);
      expect(await kinds('E1', 'agent', true)).toEqual([]);
    });

    it('resolves the reviewer against the directory when the inbox is read', async () => {
      const log = scenario();
      const update = { employeeId: 'E1', name: 'Name E1', role: 'agent' as const, team: 'T2', reportsTo: 'S2', department: 'CS', changed: ['reportsTo' as const], previousRole: 'agent' as const };
      const event = { ...log.events[0]!, id: 'moved-1', type: 'EmployeeUpdated', streamId: 'employee-E1', revision: 1, position: '99999999999999999999', data: update };
      await store.apply([event]);
      expect(await kinds('S1', 'supervisor')).toEqual([]);
      expect(await kinds('S2', 'supervisor')).toEqual(['review:A1']);
    });
  });

  describe('paging', () => {
    it('pages authorizations newest first with opaque cursors, no duplicates or gaps', async () => {
      const log = new EventLog();
      seedDirectory(log);
      for (let i = 0; i < 23; i += 1) applyThrough(log, `P${String(i).padStart(2, '0')}`, i % 2 === 0 ? 'applied' : 'reviewed', { applicant: i % 3 === 0 ? 'E2' : 'E1' });
      await store.apply(log.events);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await queries.listAuthorizations({ limit: 5, ...(cursor === undefined ? {} : { cursor }) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor !== undefined);
      expect(pages).toBe(5);
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `P${String(22 - i).padStart(2, '0')}`));
      const filtered = await queries.listAuthorizations({ employeeId: 'E2', status: 'pending_review', matter: 'compensation.issue', team: 'T1', limit: 500 });
      expect(filtered.items.map((i) => i.id)).toEqual(['P18', 'P12', 'P06', 'P00']);
      expect(filtered.nextCursor).toBeNull();
      await expect(queries.listAuthorizations({ cursor: 'garbage!', limit: 5 })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(queries.listAuthorizations({ limit: 501 })).rejects.toBeInstanceOf(InvalidLimitError);
    });
  });

  describe('audit', () => {
    it('filters by authorization, employee, actor, type and time, in commit order', async () => {
      const log = scenario();
      await store.apply(log.events);
      const ids = async (filter: Parameters<ReadModelQueries['listAudit']>[0]): Promise<string[]> => (await queries.listAudit({ limit: 500, ...filter })).items.map((e) => e.eventId);
      const all = log.events.map((e) => e.id);
      const where = (pred: (e: RecordedEvent) => boolean): string[] => log.events.filter(pred).map((e) => e.id);
      expect(await ids({})).toEqual(all);
      expect(await ids({ authorizationId: 'A2' })).toEqual(where((e) => e.streamId === 'authorization-A2'));
      const e2 = await ids({ employeeId: 'E2' });
      expect(e2).toEqual(where((e) => ['employee-E2', 'authorization-A2', 'authorization-A5', 'report-R1'].includes(e.streamId)));
      expect(await ids({ actorId: 'M2' })).toEqual(where((e) => (e.metadata['actor'] as { id: string }).id === 'M2'));
      expect(await ids({ type: 'NoticeIssued' })).toEqual(where((e) => e.type === 'NoticeIssued'));
      const from = log.events[10]?.metadata['occurredAt'] as string;
      const to = log.events[15]?.metadata['occurredAt'] as string;
      expect(await ids({ from, to })).toEqual(all.slice(10, 15));
      await expect(queries.listAudit({ from: 'yesterday', limit: 5 })).rejects.toBeInstanceOf(InvalidFilterError);

      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queries.listAudit({ employeeId: 'E1', limit: 3, ...(cursor === undefined ? {} : { cursor }) });
        paged.push(...page.items.map((e) => e.eventId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(paged).toEqual(await ids({ employeeId: 'E1' }));
    });

    it('streams an export that verifies and equals the events', async () => {
      const log = scenario();
      register(log, 'Z1', 'agent', 'S1');
      await store.apply(log.events);
      const lines: string[] = [];
      for await (const line of exportAuditLines(queries.streamAudit({}, 4))) lines.push(line);
      expect(lines).toHaveLength(log.events.length);
      expect(lines.map((l) => (JSON.parse(l) as { eventId: string }).eventId)).toEqual(log.events.map((e) => e.id));
      expect(await verifyAuditExport(lines)).toMatchObject({ ok: true, count: log.events.length });
    });
  });
});
