import { countByKind, INBOX_KINDS, type InboxItem, type TaskSource, worklist, worklistPage } from './inbox-sources.js';

const item = (kind: InboxItem['kind'], subjectId: string, since: string, action?: number): InboxItem => ({ kind, subjectId, since, ...(action === undefined ? {} : { action }) });
const source = (items: InboxItem[]): TaskSource => ({ kinds: [...new Set(items.map((i) => i.kind))], tasks: () => Promise.resolve(items) });
const caller = { id: 'S01', role: 'supervisor' as const, team: 'A', designee: false };
const deps = {} as Parameters<TaskSource['tasks']>[1];

describe('the worklist of task sources', () => {
  const a = item('review', 'A1', '2026-12-01T09:00:00.000Z');
  const b = item('escalation', 'X1', '2026-12-01T08:00:00.000Z');
  const c = item('meeting-action', 'MT1', '2026-12-01T10:00:00.000Z', 1);
  const d = item('meeting-action', 'MT1', '2026-12-01T10:00:00.000Z', 0);

  it('merges every source, oldest first, ties in a stable order', async () => {
    expect(await worklist(caller, deps, [source([a, c]), source([b, d])])).toEqual([b, a, d, c]);
  });

  it('pages after the last item of the previous page, and says when more follow', async () => {
    const all = await worklist(caller, deps, [source([a, b, c, d])]);
    const first = worklistPage(all, null, 3);
    expect(first.items).toEqual([b, a, d]);
    const second = worklistPage(all, first.next, 3);
    expect([second.items, second.next]).toEqual([[c], null]);
  });

  it('counts every kind, zero included', async () => {
    const counted = countByKind([a, b, c, d]);
    expect(counted.total).toBe(4);
    expect(Object.keys(counted.byKind)).toEqual([...INBOX_KINDS]);
    expect(counted.byKind).toMatchObject({ review: 1, escalation: 1, 'meeting-action': 2, training: 0, 'access-review': 0 });
  });
});
