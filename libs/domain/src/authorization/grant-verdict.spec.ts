/**
 * The grant verdict (SPEC §5): given the events of one authorization, when a check asks at an
 * instant with a context, then the verdict. Histories come from the decider's state (`grantHistoryOf`).
 */
import fc from 'fast-check';
import type { AuthorizationEvent, Scope, Terms } from '../events.js';
import type { CheckContext } from '../scope.js';
import { ev, terms } from '../testing/authorization-builders.js';
import { day } from '../testing/fixtures.js';
import { evolve, initialState } from './authorization.decider.js';
import { EMPTY_GRANT_HISTORY, grantHistoryOf, termsSegment } from './grant-history.js';
import { type GrantVerdict, grantVerdict, scopeVerdict } from './grant-verdict.js';

/** Stamps an event with the time it was decided at, as the event store does. */
const at = (event: AuthorizationEvent, occurredAt: string): AuthorizationEvent => ({
  ...event,
  metadata: { occurredAt, actor: { id: 'test', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: 'sha256:test' },
});
const given = (...events: AuthorizationEvent[]) => {
  const history = grantHistoryOf(events.reduce(evolve, initialState()));
  return { when: (instant: string, context?: CheckContext): GrantVerdict => grantVerdict(history, Date.parse(instant), context) };
};
const ms = (instant: string): number => Date.parse(instant);
const ok = { amount: 500 };
const inForce = (t: Terms = terms) => expect.objectContaining({ inForce: true, terms: t, validUntil: ms(t.validUntil) });
const denied = (reason: string) => ({ inForce: false, reason });

const applied = [ev.applied(), ev.reviewed(), ev.approved()];
const noticed = [...applied, at(ev.noticed(), day(0.5))];
const active = [...noticed, ev.acknowledged(day(1))];

describe('grant verdict', () => {
  describe('before the notice', () => {
    it('is NO_GRANT for an application still in its workflow', () => expect(given(...applied).when(day(0.2), ok)).toEqual(denied('NO_GRANT')));
    it('is NO_GRANT for no application at all', () => expect(grantVerdict(EMPTY_GRANT_HISTORY, ms(day(1)), ok)).toEqual(denied('NO_GRANT')));
    it('is NO_GRANT for an application withdrawn before its notice', () =>
      expect(given(...applied, ev.withdrawn()).when(day(0.5), ok)).toEqual(denied('NO_GRANT')));
  });

  describe('when pending acknowledgement', () => {
    it('is NOT_ACKNOWLEDGED from the notice on, NO_GRANT just before it', () => {
      expect(given(...noticed).when(day(0.5), ok)).toEqual(denied('NOT_ACKNOWLEDGED'));
      expect(given(...noticed).when(day(0.4999), ok)).toEqual(denied('NO_GRANT'));
    });
    it('is NO_GRANT once validUntil passes unacknowledged', () => expect(given(...noticed).when(day(30), ok)).toEqual(denied('NO_GRANT')));
    it('is NO_GRANT after the system withdraws the unsigned notice', () => {
      const withdrawn: AuthorizationEvent = { type: 'ApplicationWithdrawn', data: { authorizationId: 'A1', withdrawnBy: 'system:cascade', reason: 'employee-left', withdrawnAt: day(2) } };
      expect(given(...noticed, withdrawn).when(day(1.9), ok)).toEqual(denied('NOT_ACKNOWLEDGED'));
      expect(given(...noticed, withdrawn).when(day(2), ok)).toEqual(denied('NO_GRANT'));
    });
    it('is NO_GRANT after it expires unacknowledged', () =>
      expect(given(...noticed, ev.expired('pending_acknowledgement')).when(day(31), ok)).toEqual(denied('NO_GRANT')));
  });

  describe('when active', () => {
    it('is in force from the acknowledgement when validFrom lies before it', () => {
      expect(given(...active).when(day(1), ok)).toEqual(inForce());
      expect(given(...active).when(day(0.9999), ok)).toEqual(denied('NOT_ACKNOWLEDGED'));
    });
    it('is NOT_YET_VALID before a validFrom after the acknowledgement, in force exactly from it', () => {
      const later = { ...terms, validFrom: day(10) };
      const events = [ev.applied({ validFrom: day(10) }), ev.reviewed(), ev.approved(), at(ev.noticed(later), day(0.5)), ev.acknowledged(day(1), later)];
      expect(given(...events).when(day(9.99), ok)).toEqual(denied('NOT_YET_VALID'));
      expect(given(...events).when(day(10), ok)).toEqual(inForce(later));
    });
    it('is EXPIRED at validUntil, a hard edge before any expiry event', () => {
      expect(given(...active).when(day(29.999), ok)).toEqual(inForce());
      expect(given(...active).when(day(30), ok)).toEqual({ inForce: false, reason: 'EXPIRED', endedAt: ms(day(30)) });
    });
    it('stays EXPIRED at validUntil once the expiry event is written', () =>
      expect(given(...active, ev.expired()).when(day(40), ok)).toEqual({ inForce: false, reason: 'EXPIRED', endedAt: ms(day(30)) }));
  });

  describe('when the context is checked against the scope', () => {
    const phone = { ...terms, scope: { maxAmount: 800, channels: ['phone'] } satisfies Scope };
    const events = [ev.applied({ scope: phone.scope }), ev.reviewed(), ev.approved(), at(ev.noticed(phone), day(0.5)), ev.acknowledged(day(1), phone)];
    it('is in force for a covered context', () => expect(given(...events).when(day(2), { amount: 800, channel: 'phone' })).toEqual(inForce(phone)));
    it('is OUT_OF_SCOPE above maxAmount or on another channel', () => {
      expect(given(...events).when(day(2), { amount: 801, channel: 'phone' })).toEqual(denied('OUT_OF_SCOPE'));
      expect(given(...events).when(day(2), { amount: 1, channel: 'chat' })).toEqual(denied('OUT_OF_SCOPE'));
    });
    it('is OUT_OF_SCOPE when a given field fails, whatever is missing', () =>
      expect(given(...events).when(day(2), { amount: 5000 })).toEqual(denied('OUT_OF_SCOPE')));
    it('is MISSING_CONTEXT naming what the scope needs and the check did not give', () => {
      expect(given(...events).when(day(2))).toEqual({ inForce: false, reason: 'MISSING_CONTEXT', missing: ['amount', 'channel'] });
      expect(given(...events).when(day(2), { channel: 'phone' })).toEqual({ inForce: false, reason: 'MISSING_CONTEXT', missing: ['amount'] });
    });
    it('looks at time before the context: an ended grant is ended whatever is asked', () =>
      expect(given(...events).when(day(30), { amount: 99_999 })).toMatchObject({ reason: 'EXPIRED' }));
  });

  describe('when it ends', () => {
    it('is REVOKED from the revocation on, in force before it', () => {
      expect(given(...active, ev.revoked(day(5))).when(day(4.99), ok)).toEqual(inForce());
      expect(given(...active, ev.revoked(day(5))).when(day(5), ok)).toEqual({ inForce: false, reason: 'REVOKED', endedAt: ms(day(5)) });
    });
    it('is COMPLETED from the completion on', () =>
      expect(given(...active, ev.completed(day(6))).when(day(100), ok)).toEqual({ inForce: false, reason: 'COMPLETED', endedAt: ms(day(6)) }));
    it('is EXPIRED at validUntil when validUntil came before the terminating event', () => {
      const late: AuthorizationEvent = { type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'M1', reason: 'late', cause: 'manual', revokedAt: day(31) } };
      expect(given(...active, late).when(day(32), ok)).toEqual({ inForce: false, reason: 'EXPIRED', endedAt: ms(day(30)) });
    });
  });

  describe('when a change is acknowledged', () => {
    const wider = { ...terms, scope: { maxAmount: 1500 }, validUntil: day(40) };
    const changed = [...active, ev.changeApplied(wider), ev.reviewed('S1', 'C1'), ev.approved(false, 'M1', 'C1'), ev.noticed(wider, 'C1', 'N-2'), ev.acknowledged(day(4), wider, 'C1', 'N-2')];
    it('keeps the old terms until the acknowledgement of the change', () => {
      expect(given(...changed).when(day(3.99), { amount: 1200 })).toEqual(denied('OUT_OF_SCOPE'));
      expect(given(...changed).when(day(3.99), ok)).toEqual(inForce());
    });
    it('applies the new terms from the acknowledgement of the change', () => {
      expect(given(...changed).when(day(4), { amount: 1200 })).toEqual(inForce(wider));
      expect(given(...changed).when(day(35), ok)).toEqual(inForce(wider));
      expect(given(...changed).when(day(40), ok)).toEqual({ inForce: false, reason: 'EXPIRED', endedAt: ms(day(40)) });
    });
    it('leaves the notice instant and the acknowledgement wait of the application as they were', () =>
      expect(given(...changed).when(day(0.7), ok)).toEqual(denied('NOT_ACKNOWLEDGED')));
  });
});

describe('scope verdict', () => {
  const channel = fc.constantFrom('phone', 'chat', 'email', 'fax');
  const scopeArb: fc.Arbitrary<Scope> = fc.record(
    { maxAmount: fc.integer({ min: 0, max: 5000 }), channels: fc.uniqueArray(fc.constantFrom('phone' as const, 'chat' as const, 'email' as const), { minLength: 1 }) },
    { requiredKeys: [] },
  );
  const contextArb: fc.Arbitrary<CheckContext> = fc.record({ amount: fc.oneof(fc.integer({ min: -10, max: 6000 }), fc.constant(Number.NaN)), channel }, { requiredKeys: [] });

  const verdictOf = (scope: Scope, context: CheckContext) => scopeVerdict(termsSegment(0, { ...terms, scope }).inForce, context);
  const missing = (...fields: string[]) => ({ inForce: false, reason: 'MISSING_CONTEXT', missing: fields });

  it.each<[Scope, CheckContext, object]>([
    [{}, {}, { inForce: true }],
    [{ maxAmount: 1000 }, { amount: 1000 }, { inForce: true }],
    [{ maxAmount: 1000 }, { amount: 1001 }, denied('OUT_OF_SCOPE')],
    [{ maxAmount: 1000 }, {}, missing('amount')],
    [{ maxAmount: 1000, channels: ['phone'] }, { amount: 5, channel: 'phone' }, { inForce: true }],
    [{ maxAmount: 1000, channels: ['phone'] }, { amount: 5, channel: 'chat' }, denied('OUT_OF_SCOPE')],
    [{ maxAmount: 1000, channels: ['phone'] }, {}, missing('amount', 'channel')],
    [{ maxAmount: 1000, channels: ['phone'] }, { amount: 5000 }, denied('OUT_OF_SCOPE')],
    [{ maxAmount: 1000, channels: ['phone'] }, { channel: 'email' }, denied('OUT_OF_SCOPE')],
    [{ channels: ['chat'] }, { amount: 999999, channel: 'chat' }, { inForce: true }],
  ])('scope %j with context %j is %j', (scope, context, expected) => {
    expect(verdictOf(scope, context)).toMatchObject(expected);
  });

  it('denies a given field outside the scope before it asks for a missing one, on every scope and context', () => {
    fc.assert(
      fc.property(scopeArb, contextArb, (scope, context) => {
        const outside =
          (scope.maxAmount !== undefined && context.amount !== undefined && !(context.amount <= scope.maxAmount)) ||
          (scope.channels !== undefined && context.channel !== undefined && !(scope.channels as readonly string[]).includes(context.channel));
        const absent = [...(scope.maxAmount !== undefined && context.amount === undefined ? ['amount'] : []), ...(scope.channels !== undefined && context.channel === undefined ? ['channel'] : [])];
        const verdict = verdictOf(scope, context);
        if (outside) expect(verdict).toEqual(denied('OUT_OF_SCOPE'));
        else if (absent.length > 0) expect(verdict).toEqual(missing(...absent));
        else expect(verdict.inForce).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('allocates nothing: the same verdict object answers again', () => {
    const segment = termsSegment(0, { ...terms, scope: { maxAmount: 10, channels: ['phone'] } });
    expect(scopeVerdict(segment.inForce, { amount: 1, channel: 'phone' })).toBe(segment.inForce);
    expect(scopeVerdict(segment.inForce, {})).toBe(scopeVerdict(segment.inForce, undefined));
    expect(scopeVerdict(segment.inForce, { amount: 11 })).toBe(scopeVerdict(segment.inForce, { channel: 'fax' }));
  });
});
