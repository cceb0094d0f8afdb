/**
 * The permission index answers what the domain's grant verdict says (STYLE §16c, §23): random command
 * histories go through the real decider, their events into a PermissionIndex, and at random instants
 * and contexts its `check` is compared with the verdicts computed from the folded decider states,
 * combined by SPEC §5's precedence across grants (restated here as the oracle).
 */
import fc from 'fast-check';
import { grantHistoryOf } from '../../../domain/src/authorization/grant-history.js';
import { type GrantVerdict, grantVerdict, termsVerdict } from '../../../domain/src/authorization/grant-verdict.js';
import type { CheckContext, CheckResult, ContextField } from './check-result.js';
import { PermissionIndex } from './permission-index.js';
import { HOUR, MATTERS, type Run, T0, historyArb, run } from './testing/command-histories.js';
import { POLICY } from './testing/events.js';

interface Probe {
  /** Where in the history (0..1 from 48 h before the first command to 500 h after the last), or at an edge. */
  readonly where: number;
  readonly edge: number | null;
  readonly delta: -1 | 0 | 1;
  readonly matter: number;
  readonly context: CheckContext | undefined;
}
const probeArb: fc.Arbitrary<Probe> = fc.record({
  where: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
  edge: fc.option(fc.nat(), { nil: null }),
  delta: fc.constantFrom(-1 as const, 0 as const, 1 as const),
  matter: fc.nat({ max: MATTERS.length - 1 }),
  context: fc.option(fc.record({ amount: fc.constantFrom(1, 500, 999, 1000, 1200, 1500, 2999, 5000), channel: fc.constantFrom('phone', 'chat', 'email', 'fax') }, { requiredKeys: [] }), { nil: undefined }),
});

/** The authorizations in the order the index meets them: by their application's notice in the log. */
function noticeOrder(log: Run['log']): string[] {
  const order: string[] = [];
  for (const event of log) {
    const data = event.data as { authorizationId?: string; changeId?: string };
    if (event.type === 'NoticeIssued' && data.changeId === undefined && data.authorizationId !== undefined && !order.includes(data.authorizationId)) order.push(data.authorizationId);
  }
  return order;
}

/** Instants where answers change: every authorization event's time and every validFrom / validUntil stated. */
function edges(log: Run['log']): number[] {
  const instants = new Set<number>();
  for (const event of log.slice(1)) {
    instants.add(Date.parse((event.metadata as { occurredAt: string }).occurredAt));
    const data = event.data as { validFrom?: string; validUntil?: string; terms?: { validFrom: string; validUntil: string } };
    for (const value of [data.validFrom, data.validUntil, data.terms?.validFrom, data.terms?.validUntil]) if (value !== undefined) instants.add(Date.parse(value));
  }
  return [...instants];
}

function instantOf(probe: Probe, result: Run, at: readonly number[]): number {
  if (probe.edge !== null && at.length > 0) return (at[probe.edge % at.length] as number) + probe.delta;
  const from = T0 - 48 * HOUR;
  return Math.round(from + probe.where * (result.end + 500 * HOUR - from));
}

const RANK = ['MISSING_CONTEXT', 'OUT_OF_SCOPE', 'NOT_YET_VALID', 'NOT_ACKNOWLEDGED'] as const;

/** SPEC §5 across grants: the covering grant with the latest validUntil, else the most telling denial. */
function expected(verdicts: readonly (readonly [string, GrantVerdict])[]): CheckResult {
  let allowed: readonly [string, Extract<GrantVerdict, { inForce: true }>] | undefined;
  for (const [id, verdict] of verdicts) {
    if (verdict.inForce && (allowed === undefined || verdict.validUntil > allowed[1].validUntil)) allowed = [id, verdict];
  }
  if (allowed !== undefined) return { allowed: true, reason: 'GRANT', grantId: allowed[0], validUntil: allowed[1].terms.validUntil };
  for (const reason of RANK) {
    const first = verdicts.find(([, v]) => !v.inForce && v.reason === reason);
    if (first === undefined) continue;
    if (reason !== 'MISSING_CONTEXT') return { allowed: false, reason, grantId: first[0] };
    const missing = new Set(verdicts.flatMap(([, v]) => (!v.inForce && v.reason === 'MISSING_CONTEXT' ? v.missing : [])));
    const missingContext = (['amount', 'channel'] as const).filter((field: ContextField) => missing.has(field));
    return { allowed: false, reason, grantId: first[0], missingContext };
  }
  let ended: { id: string; reason: 'EXPIRED' | 'REVOKED' | 'COMPLETED'; at: number } | undefined;
  for (const [id, v] of verdicts) {
    if (!v.inForce && 'endedAt' in v && v.endedAt > (ended?.at ?? Number.NEGATIVE_INFINITY)) ended = { id, reason: v.reason, at: v.endedAt };
  }
  return ended === undefined ? { allowed: false, reason: 'NO_GRANT' } : { allowed: false, reason: ended.reason, grantId: ended.id };
}

const PARAMS = { numRuns: 400, seed: 20261201 };

describe('PermissionIndex against the domain grant verdict', () => {
  it('answers every check as the verdicts of the folded decider states say, at random instants and contexts', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(historyArb, fc.array(probeArb, { minLength: 10, maxLength: 30, size: 'max' }), (steps, probes) => {
        const result = run(steps);
        const index = new PermissionIndex(POLICY);
        for (const event of result.log) index.apply(event);
        const order = noticeOrder(result.log);
        const histories = new Map([...result.states].map(([id, state]) => [id, grantHistoryOf(state)]));
        const at0 = edges(result.log);
        for (const probe of probes) {
          const at = instantOf(probe, result, at0);
          const matter = MATTERS[probe.matter] as string;
          const ofMatter = order.filter((id) => {
            const state = result.states.get(id);
            return state !== undefined && state.status !== 'initial' && state.terms.matter === matter;
          });
          const verdicts = ofMatter.map((id) => [id, grantVerdict(histories.get(id)!, at, probe.context)] as const);
          const answer = index.check({ employeeId: 'E1', authority: matter, at, ...(probe.context === undefined ? {} : { context: probe.context }) });
          expect(answer).toEqual(expected(verdicts));
          seen.set(answer.reason, (seen.get(answer.reason) ?? 0) + 1);
          const inForce = ofMatter.filter((id) => termsVerdict(histories.get(id)!, at).inForce).sort();
          expect(index.permissions('E1', at)?.grants.filter((g) => g.authority === matter).map((g) => g.grantId)).toEqual(inForce);
        }
      }),
      PARAMS,
    );
    const rare = ['GRANT', 'NOT_ACKNOWLEDGED', 'NOT_YET_VALID', 'OUT_OF_SCOPE', 'MISSING_CONTEXT', 'EXPIRED', 'REVOKED', 'COMPLETED', 'NO_GRANT'].filter((r) => (seen.get(r) ?? 0) < 20);
    expect({ rare, seen: Object.fromEntries(seen) }).toEqual({ rare: [], seen: expect.anything() });
  });
});
