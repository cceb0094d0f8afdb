// Seeds an event store directly (no HTTP): the directory and active grants, decided by the compiled
// deciders of dist/libs/domain and appended through the compiled event store, exactly the events the
// API's handlers would write (one append per stream). Much faster than driving 5 HTTP commands per grant.
import { randomUUID } from 'node:crypto';
import {
  authorizationDecider,
  authorizationStream,
  employeeDecider,
  employeeStream,
  toSnapshot,
} from '../../dist/libs/domain/src/index.js';
import { createEventStore } from '../../dist/libs/event-store/src/index.js';
import { loadCatalogue } from '../../dist/libs/platform/src/index.js';

const DAY = 86_400_000;

/**
 * The directory shape used by the benchmarks: 5% managers (M<i>), 15% supervisors (S<i>, reporting
 * to a manager), the rest agents (E<i>, reporting to a supervisor).
 */
export function directoryOf(size) {
  const managers = Math.max(3, Math.round(size * 0.05));
  const supervisors = Math.max(1, Math.round(size * 0.15));
  const people = [];
  for (let i = 0; i < size; i++) {
    if (i < managers) people.push({ id: `M${i}`, name: `Manager ${i}`, role: 'manager', team: null, reportsTo: null, department: 'operations' });
    else if (i < managers + supervisors) people.push({ id: `S${i}`, name: `Supervisor ${i}`, role: 'supervisor', team: `T${i}`, reportsTo: `M${i % managers}`, department: 'operations' });
    else {
      const s = managers + (i % supervisors);
      people.push({ id: `E${i}`, name: `Agent ${i}`, role: 'agent', team: `T${s}`, reportsTo: `S${s}`, department: 'operations' });
    }
  }
  return {
    people,
    managers: people.filter((p) => p.role === 'manager'),
    supervisors: people.filter((p) => p.role === 'supervisor'),
    agents: people.filter((p) => p.role === 'agent'),
  };
}

/** What each grant is for, by index: scope-limited matters and scope-free ones, all ≤ 30 days. */
export const GRANT_KINDS = [
  { matter: 'compensation.issue', scope: { maxAmount: 1500, channels: ['phone', 'chat'] } },
  { matter: 'fee.waive', scope: { maxAmount: 800 } },
  { matter: 'complaint.plan.review', scope: {} },
  { matter: 'team.schedule.adjust', scope: {} },
];

const metadataFor = (actorId, kind, now, policyVersion) => {
  const id = randomUUID();
  return { occurredAt: now, actor: { id: actorId, kind }, correlationId: id, causationId: id, policyVersion };
};

async function inParallel(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * Appends the directory (`employees` people) and `grants` active authorizations, grant g held by
 * agent g % agents with GRANT_KINDS[floor(g / agents) % 4]. Returns { directory, grants, events, ms }.
 */
export async function seedStore(url, { employees, grants, concurrency = 8 }) {
  const catalogue = loadCatalogue();
  const store = await createEventStore(url, { poolSize: concurrency });
  const started = performance.now();
  const directory = directoryOf(employees);
  const snapshots = new Map();
  let events = 0;
  const now = new Date().toISOString();
  try {
    // Managers first, then supervisors, then agents (appends are independent: no cross-stream reads).
    await inParallel(directory.people, concurrency, async (person) => {
      const decided = employeeDecider.decide({ type: 'RegisterEmployee', data: { employeeId: person.id, name: person.name, role: person.role, team: person.team, reportsTo: person.reportsTo, department: person.department } }, employeeDecider.initialState());
      snapshots.set(person.id, toSnapshot(decided.reduce(employeeDecider.evolve, employeeDecider.initialState())));
      await store.append(employeeStream(person.id), decided.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: metadataFor('svc:bench-seed', 'service', now, catalogue.version) })), { expectedRevision: 'no_stream' });
      events += decided.length;
    });
    const list = [];
    for (let g = 0; g < grants; g++) {
      const applicant = directory.agents[g % directory.agents.length];
      const kind = GRANT_KINDS[Math.floor(g / directory.agents.length) % GRANT_KINDS.length];
      const approver = directory.managers[g % directory.managers.length];
      const issuer = directory.managers[(g + 1) % directory.managers.length];
      list.push({ g, applicant, kind, approver, issuer });
    }
    const granted = [];
    await inParallel(list, concurrency, async ({ g, applicant, kind, approver, issuer }) => {
      const id = randomUUID();
      const at = (offsetMs) => new Date(Date.parse(now) + offsetMs).toISOString();
      const applicantSnap = snapshots.get(applicant.id);
      const reviewer = snapshots.get(applicant.reportsTo);
      const steps = [
        [applicant.id, { type: 'ApplyForAuthorization', data: { authorizationId: id, applicant: applicantSnap, matter: kind.matter, scope: kind.scope, reason: 'benchmark grant', validFrom: at(-DAY), validUntil: at(25 * DAY), catalogue, now: at(-5000) } }],
        [reviewer.employeeId, { type: 'ReviewAuthorization', data: { actor: reviewer, applicant: applicantSnap, decision: 'pass', opinion: 'ok', now: at(-4000) } }],
        [approver.id, { type: 'ApproveAuthorization', data: { actor: snapshots.get(approver.id), decision: 'approve', opinion: 'ok', now: at(-3000) } }],
        [issuer.id, { type: 'IssueNotice', data: { actor: snapshots.get(issuer.id), designationGrantId: null, copiesTo: ['finance'], noticeNumber: `AN-BENCH-${g}`, now: at(-2000) } }],
        [applicant.id, { type: 'AcknowledgeNotice', data: { actor: applicantSnap, now: at(-1000) } }],
      ];
      let state = authorizationDecider.initialState();
      const newEvents = [];
      for (const [actorId, command] of steps) {
        const decided = authorizationDecider.decide(command, state);
        state = decided.reduce(authorizationDecider.evolve, state);
        for (const e of decided) newEvents.push({ id: randomUUID(), type: e.type, data: e.data, metadata: metadataFor(actorId, 'employee', command.data.now, catalogue.version) });
      }
      if (state.status !== 'active') throw new Error(`seeded grant ${g} ended ${state.status}, not active`);
      await store.append(authorizationStream(id), newEvents, { expectedRevision: 'no_stream' });
      events += newEvents.length;
      granted.push({ id, employeeId: applicant.id, matter: kind.matter, scope: kind.scope });
    });
    return { directory, grants: granted, events, ms: performance.now() - started };
  } finally {
    await store.close();
  }
}
