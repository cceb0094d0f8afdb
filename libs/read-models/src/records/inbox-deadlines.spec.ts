/** Deadlines, escalated reviews and stand-ins in the worklist (SPEC §11), over fake read-side answers. */
import { catalogue } from '../../../domain/src/testing/default-catalogue.js';
import type { SqlClient } from '../../../sql/src/sql-client.port.js';
import type { InboxTaskView, ReadModelQueries } from '../postgres/read-model.queries.js';
import type { Act } from '../../../domain/src/authorization/authorization.state.js';
import { TASK_SOURCES, type TaskSourceDeps, worklist, type InboxCallerContext } from './inbox-sources.js';

const HOUR = 3_600_000;
const ago = (hours: number): string => new Date(Date.now() - hours * HOUR).toISOString();
const task = (over: Partial<InboxTaskView>): InboxTaskView => ({ authorizationId: 'A1', kind: 'approval', changeId: null, applicantId: 'E101', matter: 'fee.waive', since: ago(1), acts: [], ...over });

/** Answers the few queries the sources make: employees reporting to someone, stand-ins, table probes; nothing else. */
function fakeSql(reports: Record<string, { id: string; role: string; team: string | null }[]>, standIns: Record<string, { employee_id: string; from_at: string; until_at: string }[]>): SqlClient {
  return {
    dialect: 'pglite',
    transaction: async () => {
      throw new Error('not used');
    },
    query: async (text: string, params?: readonly unknown[]) => {
      if (text.includes('to_regclass')) return { rows: [{ found: text.includes('rm_stand_ins') ? 'rm_stand_ins' : null }] };
      if (text.includes('FROM rm_employees WHERE (reports_to')) {
        const orphans = params?.[1] === 'manager' ? (reports['(none)'] ?? []) : [];
        return { rows: [...(reports[String(params?.[0])] ?? []), ...orphans] };
      }
      if (text.includes('FROM rm_stand_ins')) return { rows: standIns[String(params?.[0])] ?? [] };
      return { rows: [] };
    },
  } as unknown as SqlClient;
}

/** The inbox queries as the read model answers them: each task with its authorization's acts (given, none by default); `missing` ids' rows have none kept. */
function fakeQueries(inboxes: Record<string, InboxTaskView[]>, employees: Record<string, { id: string; role: string; team: string | null }> = {}, acts: Record<string, Act[]> = {}, missing: readonly string[] = []): ReadModelQueries {
  const withActs = (t: InboxTaskView): InboxTaskView => ({ ...t, acts: missing.includes(t.authorizationId) ? null : (acts[t.authorizationId] ?? t.acts) });
  return {
    inbox: async (caller: { id: string }) => (inboxes[caller.id] ?? []).map(withActs),
    getAuthorization: async () => null,
    getEmployee: async (id: string) => (employees[id] ? { ...employees[id], leftAt: null } : null),
  } as unknown as ReadModelQueries;
}

const caller = (id: string, role: InboxCallerContext['role']): InboxCallerContext => ({ id, role, team: null, designee: false });

const deps = (sql: SqlClient, inboxes: Record<string, InboxTaskView[]>, employees: Record<string, { id: string; role: string; team: string | null }> = {}, acts: Record<string, Act[]> = {}, missing: readonly string[] = []): TaskSourceDeps => ({
  sql,
  queries: fakeQueries(inboxes, employees, acts, missing),
  catalogue,
});
const act = (step: Act['step'], actorId: string, actingFor: string | null = null): Act => ({ step, actorId, actingFor, changeId: null });

describe('worklist deadlines', () => {
  it('gives a workflow task its due time, and an approval overdue at twice it says so', async () => {
    const inboxes = { M01: [task({ since: ago(1) }), task({ authorizationId: 'A2', since: ago(100) }), task({ authorizationId: 'A3', kind: 'acknowledgement', since: ago(100) })] };
    const items = await worklist(caller('M01', 'manager'), deps(fakeSql({}, {}), inboxes), TASK_SOURCES);
    const byId = new Map(items.map((i) => [i.subjectId, i]));
    expect(Date.parse(byId.get('A1')!.dueAt!) - Date.parse(byId.get('A1')!.since)).toBe(48 * HOUR);
    expect(byId.get('A1')!.reason).toBeUndefined();
    expect(byId.get('A2')!.reason).toMatch(/^overdue since /);
    expect(byId.get('A3')).toMatchObject({ kind: 'acknowledgement' });
    expect(byId.get('A3')!.reason).toBeUndefined();
    expect(items.some((i) => 'actingForId' in i)).toBe(false);
  });

  it("puts an escalated review in the reviewer's superior's worklist, not before twice the due time", async () => {
    const inboxes = { S01: [task({ kind: 'review', since: ago(97) }), task({ authorizationId: 'A2', kind: 'review', since: ago(60) })] };
    const items = await worklist(caller('M01', 'manager'), deps(fakeSql({ M01: [{ id: 'S01', role: 'supervisor', team: 'A' }] }, {}), inboxes), TASK_SOURCES);
    expect(items.map((i) => [i.kind, i.subjectId])).toEqual([['review', 'A1']]);
    expect(items[0]?.reason).toMatch(/^escalated: S01's review overdue since /);
  });

  it('puts the escalated review of a reviewer without a superior in every manager\'s worklist, and in no supervisor\'s', async () => {
    const inboxes = { S09: [task({ kind: 'review', since: ago(97) })] };
    const sql = fakeSql({ '(none)': [{ id: 'S09', role: 'supervisor', team: 'C' }] }, {});
    const forManager = await worklist(caller('M02', 'manager'), deps(sql, inboxes), TASK_SOURCES);
    expect(forManager.map((i) => [i.kind, i.subjectId])).toEqual([['review', 'A1']]);
    expect(forManager[0]?.reason).toMatch(/^escalated: S09's review overdue since /);
    expect(await worklist(caller('S02', 'supervisor'), deps(sql, inboxes), TASK_SOURCES)).toEqual([]);
  });

  it("shows the absent person's tasks to the stand-in, acting for them, never their own application", async () => {
    const inboxes = { S01: [task({ kind: 'review', since: ago(2) }), task({ authorizationId: 'A9', kind: 'review', applicantId: 'S02', since: ago(2) })] };
    const sql = fakeSql({}, { S02: [{ employee_id: 'S01', from_at: ago(1), until_at: ago(-24) }] });
    const items = await worklist(caller('S02', 'supervisor'), deps(sql, inboxes, { S01: { id: 'S01', role: 'supervisor', team: 'A' } }), TASK_SOURCES);
    expect(items.map((i) => [i.kind, i.subjectId, i.actingForId, i.reason])).toEqual([['review', 'A1', 'S01', 'acting for S01']]);
    expect(Date.parse(items[0]!.since)).toBeGreaterThanOrEqual(Date.parse(ago(1)) - 1000);
  });

  it("shows an escalated review once to a superior who also stands in for its reviewer: acting for them, as the domain records it", async () => {
    const inboxes = { S01: [task({ kind: 'review', since: ago(97) })] };
    const sql = fakeSql({ M01: [{ id: 'S01', role: 'supervisor', team: 'A' }] }, { M01: [{ employee_id: 'S01', from_at: ago(1), until_at: ago(-24) }] });
    const items = await worklist(caller('M01', 'manager'), deps(sql, inboxes, { S01: { id: 'S01', role: 'supervisor', team: 'A' } }), TASK_SOURCES);
    expect(items.map((i) => [i.kind, i.subjectId, i.actingForId, i.reason?.replace(/; overdue since .*$/, '')])).toEqual([['review', 'A1', 'S01', 'acting for S01']]);
  });

  describe('separation of duties, as the domain applies it', () => {
    const managers = { M01: { id: 'M01', role: 'manager', team: null } };
    const standingIn = fakeSql({}, { M02: [{ employee_id: 'M01', from_at: ago(1), until_at: ago(-24) }] });

    it("hides from a manager standing in the approval of an application they reviewed, and shows the one they did not", async () => {
      const inboxes = { M01: [task({ authorizationId: 'A1' }), task({ authorizationId: 'A2' })] };
      const items = await worklist(caller('M02', 'manager'), deps(standingIn, inboxes, managers, { A1: [act('review', 'M02')], A2: [act('review', 'S01')] }), TASK_SOURCES);
      expect(items.map((i) => [i.kind, i.subjectId, i.actingForId, i.reason])).toEqual([['approval', 'A2', 'M01', 'acting for M01']]);
    });

    it('hides from the stand-in a task the absent person may not take either (they reviewed it themselves)', async () => {
      const inboxes = { M01: [task({ authorizationId: 'A1', kind: 'notice' }), task({ authorizationId: 'A2', kind: 'final-approval' })] };
      const items = await worklist(caller('M02', 'manager'), deps(standingIn, inboxes, managers, { A2: [act('review', 'M01')] }), TASK_SOURCES);
      expect(items.map((i) => [i.kind, i.subjectId])).toEqual([['notice', 'A1']]);
    });

    it('passes a task on for the one absent person separation of duties allows, when two named the caller', async () => {
      const inboxes = { M01: [task({ authorizationId: 'A1' })], M03: [task({ authorizationId: 'A1' })] };
      const sql = fakeSql({}, { M02: [{ employee_id: 'M01', from_at: ago(1), until_at: ago(-24) }, { employee_id: 'M03', from_at: ago(1), until_at: ago(-24) }] });
      const people = { ...managers, M03: { id: 'M03', role: 'manager', team: null } };
      const items = await worklist(caller('M02', 'manager'), deps(sql, inboxes, people, { A1: [act('review', 'M01')] }), TASK_SOURCES);
      expect(items.map((i) => [i.kind, i.subjectId, i.actingForId, i.reason])).toEqual([['approval', 'A1', 'M03', 'acting for M03']]);
    });

    it('hides a second act of a stand-in on one application, even in their own right', async () => {
      const inboxes = { M02: [task({ authorizationId: 'A1', kind: 'notice' })] };
      const own = await worklist(caller('M02', 'manager'), deps(fakeSql({}, {}), inboxes, {}, { A1: [act('approval', 'M02', 'M01')] }), TASK_SOURCES);
      expect(own).toEqual([]);
      const fresh = await worklist(caller('M02', 'manager'), deps(fakeSql({}, {}), inboxes, {}, { A1: [act('approval', 'M03')] }), TASK_SOURCES);
      expect(fresh.map((i) => [i.kind, i.subjectId])).toEqual([['notice', 'A1']]);
    });

    it("hides the escalated review of one's own application, and a workflow task whose row keeps no acts yet", async () => {
      const inboxes = { S01: [task({ kind: 'review', applicantId: 'M01', since: ago(97) }), task({ authorizationId: 'A2', kind: 'review', since: ago(97) })] };
      const items = await worklist(caller('M01', 'manager'), deps(fakeSql({ M01: [{ id: 'S01', role: 'supervisor', team: 'A' }] }, {}), inboxes), TASK_SOURCES);
      expect(items.map((i) => i.subjectId)).toEqual(['A2']);
      expect(await worklist(caller('M01', 'manager'), deps(fakeSql({ M01: [{ id: 'S01', role: 'supervisor', team: 'A' }] }, {}), inboxes, {}, {}, ['A2']), TASK_SOURCES)).toEqual([]);
    });
  });
});
