/**
 * Who is told, as properties of the pure core: for every directory, every actor and every step of
 * the workflow, nobody is told of their own act, nobody who has left is told, and each person is
 * told at most once per fact.
 */
import fc from 'fast-check';
import type { Role } from '../../domain/src/ids.js';
import { evolveAuthorization } from '../../read-models/src/authorization/authorization.projection.js';
import type { AuthorizationRow } from '../../read-models/src/authorization/authorization.row.js';
import { applyThrough, EventLog } from '../../read-models/src/testing/event-log.js';
import { toProjectedEvent } from '../../read-models/src/recorded.js';
import { isAuthorizationEvent } from '../../read-models/src/authorization/authorization.projection.js';
import { authorizationNotifications, type NotifyFacts, type Person } from './recipients.js';

const ROLES: readonly Role[] = ['agent', 'supervisor', 'manager', 'executive'];
const IDS = ['E1', 'S1', 'M1', 'M2', 'X1', 'P1', 'P2', 'P3'];

/** The workflow of A1 (E1 applies … acknowledges), with every event's actor replaced by `actorOf(i)`. */
function workflow(actorOf: (index: number) => string) {
  const log = new EventLog();
  applyThrough(log, 'A1', 'acknowledged', { maxAmount: 5000 });
  return log.events.map((event, index) => ({ ...event, metadata: { ...event.metadata, actor: { id: actorOf(index), kind: 'employee' } } }));
}

describe('who is told', () => {
  it('never the actor, never a leaver, at most once per fact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom(...ROLES), left: fc.boolean(), reportsTo: fc.constantFrom(null, ...IDS) }), { minLength: IDS.length, maxLength: IDS.length }),
        fc.array(fc.constantFrom(...IDS), { minLength: 8, maxLength: 8 }),
        fc.array(fc.constantFrom(...IDS), { maxLength: 3 }),
        (profiles, actors, designees) => {
          const people = new Map<string, Person>(IDS.map((id, i) => [id, { id, name: id, role: profiles[i]?.role ?? 'agent', reportsTo: profiles[i]?.reportsTo ?? null, left: profiles[i]?.left ?? false }]));
          const facts: NotifyFacts = { people, designees: new Set(designees) };
          let row: AuthorizationRow | null = null;
          workflow((i) => actors[i % actors.length] ?? 'E1').forEach((recorded) => {
            const projected = toProjectedEvent(recorded);
            if (projected === null || !isAuthorizationEvent(projected)) return;
            const after = evolveAuthorization(row, projected);
            const drafts = authorizationNotifications(projected.event, projected.actor?.id ?? null, row, after, facts);
            const recipients = drafts.map((d) => d.recipientId);
            expect(recipients).not.toContain(projected.actor?.id);
            for (const id of recipients) expect(people.get(id)?.left).toBe(false);
            expect(new Set(recipients).size).toBe(recipients.length);
            row = after;
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells the approval to every manager but the applicant and the reviewer', () => {
    const people = new Map<string, Person>([
      ['E1', { id: 'E1', name: 'E1', role: 'agent', reportsTo: 'S1', left: false }],
      ['S1', { id: 'S1', name: 'S1', role: 'manager', reportsTo: null, left: false }],
      ['M1', { id: 'M1', name: 'M1', role: 'manager', reportsTo: null, left: false }],
    ]);
    let row: AuthorizationRow | null = null;
    const told: string[][] = [];
    for (const recorded of workflow((i) => (i === 0 ? 'E1' : 'S1')).slice(0, 2)) {
      const projected = toProjectedEvent(recorded);
      if (projected === null || !isAuthorizationEvent(projected)) continue;
      const after = evolveAuthorization(row, projected);
      told.push(authorizationNotifications(projected.event, projected.actor?.id ?? null, row, after, { people, designees: new Set() }).map((d) => `${d.recipientId}:${d.kind}`));
      row = after;
    }
    // applied: the superior S1 reviews; reviewed by S1 (a manager): the approval goes to M1 only, the decision to E1
    expect(told).toEqual([['S1:review'], ['M1:approval', 'E1:decision']]);
  });
});
