import { act, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Session = { sessionId: string; lecturerId: string | null; attendance: string[] };

describe('training plans and meetings over HTTP (SPEC §11, embedded PGlite)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  const plan = {
    year: 2027,
    courses: [
      {
        course: 'privacy-basics',
        title: 'Privacy basics',
        roles: ['agent', 'supervisor'],
        sessions: [
          { at: '2026-11-20T09:00:00Z', lecturerId: 'T01', mode: 'internal' },
          { at: '2027-03-01T09:00:00Z', lecturer: 'Acme Academy', mode: 'external' },
        ],
      },
    ],
  };

  describe('training plans', () => {
    let sessions: Session[];

    it('publishes one plan a year, giving each session an id; a second is 409', async () => {
      expect((await act(t, 'S01', '/v1/training-plans', plan)).status).toBe(403);
      const published = await act(t, 'M01', '/v1/training-plans', plan);
      expect(published.status).toBe(201);
      sessions = published.body.courses[0].sessions as Session[];
      expect(sessions).toHaveLength(2);
      expect(sessions[0]?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(sessions.map((s) => s.attendance)).toEqual([[], []]);
      const again = await act(t, 'M02', '/v1/training-plans', plan);
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    });

    it('refuses a bad plan with 400 or 422 and writes nothing', async () => {
      const bodies = [
        { ...plan, year: 1999 },
        { ...plan, year: '2028' },
        { year: 2028, courses: [] },
        { year: 2028, courses: [{ ...plan.courses[0], sessions: [{ at: 'tomorrow', mode: 'internal' }] }] },
        { year: 2028, courses: [{ ...plan.courses[0], roles: ['boss'] }] },
        { year: 2028, courses: [{ ...plan.courses[0], extra: true }] },
      ];
      for (const body of bodies) expect((await act(t, 'M01', '/v1/training-plans', body)).status).toBe(400);
      const noLecturer = await act(t, 'M01', '/v1/training-plans', { year: 2028, courses: [{ ...plan.courses[0], sessions: [{ at: '2028-01-01T00:00:00Z', mode: 'online' }] }] });
      expect([noLecturer.status, noLecturer.body.code]).toEqual([422, 'PLAN_INVALID']);
      const unknownLecturer = await act(t, 'M01', '/v1/training-plans', { year: 2028, courses: [{ ...plan.courses[0], sessions: [{ at: '2028-01-01T00:00:00Z', lecturerId: 'NOBODY', mode: 'online' }] }] });
      expect([unknownLecturer.status, unknownLecturer.body.code]).toEqual([422, 'UNKNOWN_EMPLOYEE']);
      expect((await get(t, 'E101', '/v1/training-plans/2028')).status).toBe(404);
      for (const year of ['0000', '27', 'next']) expect((await get(t, 'E101', `/v1/training-plans/${year}`)).status).toBe(404);
    });

    it('records attendance by the lecturer: TrainingCompleted for each attendee, shown in the plan and the records', async () => {
      const session = sessions[0] as Session;
      const path = `/v1/training-plans/2027/sessions/${session.sessionId}/attendance`;
      const bySupervisor = await act(t, 'S01', path, { employeeIds: ['E101'] });
      expect([bySupervisor.status, bySupervisor.body.code]).toEqual([403, 'ROLE_REQUIRED']);
      const unknown = await act(t, 'T01', path, { employeeIds: ['E101', 'NOBODY'] });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_EMPLOYEE']);
      const recorded = await act(t, 'T01', path, { employeeIds: ['E101', 'E102'] });
      expect(recorded.status).toBe(200);
      const read = await get(t, 'svc:crm', '/v1/training-plans/2027');
      expect(read.status).toBe(200);
      expect(read.body.courses[0].sessions[0].attendance).toEqual(['E101', 'E102']);
      const record = await get(t, 'E101', '/v1/employees/E101/record');
      expect(record.body.trainings).toMatchObject([{ course: 'privacy-basics', completedAt: '2026-11-20T09:00:00.000Z', open: false }]);
      const hr = await t.token('svc:hr', { scope: 'directory:write' });
      const byHr = await t.http.post(`/v1/training-plans/2027/sessions/${sessions[1]?.sessionId}/attendance`).set('authorization', `Bearer ${hr}`).send({ employeeIds: ['E201'] });
      expect(byHr.status).toBe(200);
      expect((await act(t, 'M01', '/v1/training-plans/2027/sessions/00000000-0000-4000-8000-000000000000/attendance', { employeeIds: ['E101'] })).status).toBe(404);
      expect((await act(t, 'M01', path, { employeeIds: [] })).status).toBe(400);
    });
  });

  describe('meetings', () => {
    const meeting = {
      kind: 'supervisor-team',
      team: 'A',
      heldAt: '2026-12-01T09:00:00Z',
      attendees: ['S01', 'E101', 'E102'],
      minutes: 'Holiday rota agreed',
      actions: [
        { owner: 'E101', text: 'Publish the rota', dueAt: '2026-12-05T00:00:00Z' },
        { owner: 'E102', text: 'Brief the night shift', dueAt: '2026-12-06T00:00:00Z' },
      ],
    };

    it('records a meeting whose action items are meeting-action tasks until completed by owner or recorder', async () => {
      expect((await act(t, 'E101', '/v1/meetings', meeting)).status).toBe(403);
      const recorded = await act(t, 'S01', '/v1/meetings', meeting);
      expect(recorded.status).toBe(201);
      const id = recorded.body.id as string;
      expect(recorded.body.actions).toMatchObject([{ n: 0, owner: 'E101' }, { n: 1, owner: 'E102' }]);
      const tasks = (await get(t, 'E101', '/v1/inbox')).body.items as { kind: string; subjectId: string; action?: number; dueAt?: string }[];
      expect(tasks.filter((task) => task.kind === 'meeting-action')).toMatchObject([{ subjectId: id, action: 0, dueAt: '2026-12-05T00:00:00.000Z' }]);

      expect((await act(t, 'E102', `/v1/meetings/${id}/actions/0/completion`)).status).toBe(403);
      expect((await act(t, 'E101', `/v1/meetings/${id}/actions/0/completion`)).status).toBe(200);
      expect((await act(t, 'E101', `/v1/meetings/${id}/actions/0/completion`)).status).toBe(409);
      expect((await act(t, 'S01', `/v1/meetings/${id}/actions/1/completion`)).status).toBe(200);
      expect((await act(t, 'S01', `/v1/meetings/${id}/actions/7/completion`)).status).toBe(404);
      expect((await act(t, 'S01', `/v1/meetings/${id}/actions/x/completion`)).status).toBe(404);
      const after = (await get(t, 'E101', '/v1/inbox')).body.items as { kind: string }[];
      expect(after.some((task) => task.kind === 'meeting-action')).toBe(false);

      const mine = await get(t, 'E102', '/v1/meetings?team=A');
      expect(mine.body.items).toMatchObject([{ id, actions: [{ completedBy: 'E101' }, { completedBy: 'S01' }] }]);
      expect((await get(t, 'E201', '/v1/meetings')).body.items).toEqual([]);
      expect((await get(t, 'C01', '/v1/meetings?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z')).body.items).toHaveLength(1);
      expect((await get(t, 'M02', '/v1/meetings?from=2026-12-02T00:00:00Z')).body.items).toEqual([]);
      expect((await get(t, 'M02', '/v1/meetings?from=yesterday')).status).toBe(400);
    });

    it('refuses a bad meeting and unknown people, writing nothing', async () => {
      for (const body of [{ ...meeting, kind: 'party' }, { ...meeting, attendees: [] }, { ...meeting, actions: [{ owner: 'E101', text: '', dueAt: '2026-12-05T00:00:00Z' }] }, { ...meeting, minutes: 'x'.repeat(2001) }]) {
        expect((await act(t, 'M01', '/v1/meetings', body)).status).toBe(400);
      }
      const unknown = await act(t, 'M01', '/v1/meetings', { ...meeting, attendees: ['NOBODY'] });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_EMPLOYEE']);
      expect((await get(t, 'C01', '/v1/meetings')).body.items).toHaveLength(1);
    });
  });
});
