import { PermissionIndex } from './permission-index.js';
import type { CheckContext, CheckResult } from './check-result.js';
import { h, iso, Log, POLICY, termsOf } from './testing/events.js';

const build = (log: Log): PermissionIndex => {
  const index = new PermissionIndex(POLICY);
  for (const event of log.events) index.apply(event);
  return index;
};
const COMP = 'compensation.issue';
const ask = (index: PermissionIndex, at: number, context?: CheckContext, employeeId = 'E1', authority = COMP): CheckResult =>
  index.check(context === undefined ? { employeeId, authority, at } : { employeeId, authority, context, at });
const reason = (index: PermissionIndex, at: number, context?: CheckContext, employeeId = 'E1', authority = COMP): string =>
  ask(index, at, context, employeeId, authority).reason;

/** A phone-only compensation grant up to 1000, acknowledged at h(5), valid [h(0), h(100)). */
const phoneGrant = { id: 'A1', employeeId: 'E1', scope: { maxAmount: 1000, channels: ['phone' as const] }, validFrom: h(0), validUntil: h(100), noticeAt: h(4), ackAt: h(5) };

describe('PermissionIndex checks', () => {
  describe('who and what is asked about', () => {
    const index = build(new Log().registered('E1', 'agent', h(-10)).left('E1', h(50)).registered('E2', 'agent', h(-10)));

    it('answers UNKNOWN_EMPLOYEE for an employee never registered', () => {
      expect(ask(index, h(0), undefined, 'NOBODY')).toEqual({ allowed: false, reason: 'UNKNOWN_EMPLOYEE' });
    });

    it('answers UNKNOWN_EMPLOYEE before the registration instant', () => {
      expect(reason(index, h(-11), undefined, 'E2', 'order.process')).toBe('UNKNOWN_EMPLOYEE');
      expect(reason(index, h(-10), undefined, 'E2', 'order.process')).toBe('ROLE_BASELINE');
    });

    it('answers UNKNOWN_AUTHORITY for an authority outside the catalogue, before EMPLOYEE_LEFT', () => {
      expect(reason(index, h(0), undefined, 'E2', 'moon.landing')).toBe('UNKNOWN_AUTHORITY');
      expect(reason(index, h(60), undefined, 'E1', 'moon.landing')).toBe('UNKNOWN_AUTHORITY');
    });

    it('answers EMPLOYEE_LEFT at and after the departure, and as of then before it', () => {
      expect(ask(index, h(50), undefined, 'E1', 'order.process')).toEqual({ allowed: false, reason: 'EMPLOYEE_LEFT' });
      expect(reason(index, h(500), undefined, 'E1', 'order.process')).toBe('EMPLOYEE_LEFT');
      expect(reason(index, h(50) - 1, undefined, 'E1', 'order.process')).toBe('ROLE_BASELINE');
    });

    it('tells employment (for authenticating a token) without building permissions', () => {
      expect(index.employment('NOBODY', h(0))).toBe('unknown');
      expect(index.employment('E2', h(-11))).toBe('unknown');
      expect(index.employment('E2', h(0))).toBe('active');
      expect(index.employment('E1', h(50) - 1)).toBe('active');
      expect(index.employment('E1', h(50))).toBe('left');
    });
  });

  describe('by role baseline', () => {
    const index = build(new Log().registered('E1', 'agent', h(-10)).updated('E1', 'supervisor', 'agent', h(10)));

    it('allows a baseline authority of the role', () => {
      expect(ask(index, h(0), undefined, 'E1', 'order.process')).toEqual({ allowed: true, reason: 'ROLE_BASELINE' });
    });

    it('uses the role in effect at the instant: the old one before the update, the new one from it', () => {
      expect(reason(index, h(10) - 1, undefined, 'E1', 'team.schedule.adjust')).toBe('NO_GRANT');
      expect(reason(index, h(10), undefined, 'E1', 'team.schedule.adjust')).toBe('ROLE_BASELINE');
    });

    it('answers NO_GRANT for an authority neither the role nor a grant gives', () => {
      expect(ask(index, h(20), undefined, 'E1', 'staff.evaluate')).toEqual({ allowed: false, reason: 'NO_GRANT' });
    });
  });

  describe('when a grant is active', () => {
    const index = build(new Log().registered('E1', 'agent').grant(phoneGrant));

    it('allows a covered context with the grant id and validUntil', () => {
      expect(ask(index, h(10), { amount: 800, channel: 'phone' })).toEqual({ allowed: true, reason: 'GRANT', grantId: 'A1', validUntil: iso(h(100)) });
      expect(reason(index, h(10), { amount: 1000, channel: 'phone' })).toBe('GRANT');
    });

    it('denies OUT_OF_SCOPE above maxAmount or on another channel', () => {
      expect(ask(index, h(10), { amount: 1001, channel: 'phone' })).toEqual({ allowed: false, reason: 'OUT_OF_SCOPE', grantId: 'A1' });
      expect(reason(index, h(10), { amount: 10, channel: 'chat' })).toBe('OUT_OF_SCOPE');
      expect(reason(index, h(10), { amount: Number.NaN, channel: 'phone' })).toBe('OUT_OF_SCOPE');
    });

    it('denies MISSING_CONTEXT naming what the grant needs and the check did not give', () => {
      expect(ask(index, h(10))).toEqual({ allowed: false, reason: 'MISSING_CONTEXT', grantId: 'A1', missingContext: ['amount', 'channel'] });
      expect(ask(index, h(10), { amount: 5 }).missingContext).toEqual(['channel']);
      expect(ask(index, h(10), { channel: 'phone' }).missingContext).toEqual(['amount']);
    });

    it('prefers OUT_OF_SCOPE when a given field already fails, whatever is missing', () => {
      expect(reason(index, h(10), { amount: 5000 })).toBe('OUT_OF_SCOPE');
    });

    it('needs no context for a scope without limits', () => {
      const open = build(new Log().registered('E1', 'agent').grant({ ...phoneGrant, matter: 'customer.data.export', scope: {} }));
      expect(reason(open, h(10), undefined, 'E1', 'customer.data.export')).toBe('GRANT');
    });
  });

  describe('edges of validity', () => {
    const index = build(new Log().registered('E1', 'agent').grant(phoneGrant));
    const ok = { amount: 1, channel: 'phone' };

    it('is in force from the acknowledgement when validFrom lies before it', () => {
      expect(reason(index, h(5), ok)).toBe('GRANT');
      expect(ask(index, h(5) - 1, ok)).toEqual({ allowed: false, reason: 'NOT_ACKNOWLEDGED', grantId: 'A1' });
    });

    it('answers NO_GRANT before the notice (earlier pending states do not count)', () => {
      expect(reason(index, h(4) - 1, ok)).toBe('NO_GRANT');
    });

    it('allows 1 ms before validUntil and denies EXPIRED at validUntil, before any expiry event', () => {
      expect(reason(index, h(100) - 1, ok)).toBe('GRANT');
      expect(ask(index, h(100), ok)).toEqual({ allowed: false, reason: 'EXPIRED', grantId: 'A1' });
    });

    it('stays EXPIRED once the expiry event is written a little later', () => {
      const expired = build(new Log().registered('E1', 'agent').grant(phoneGrant).expired('A1', h(100), h(100) + 4000));
      expect(reason(expired, h(100), ok)).toBe('EXPIRED');
      expect(reason(expired, h(99), ok)).toBe('GRANT');
    });

    it('is NOT_YET_VALID when acknowledged before a future validFrom, in force exactly from it', () => {
      const future = build(new Log().registered('E1', 'agent').grant({ ...phoneGrant, validFrom: h(24) }));
      expect(ask(future, h(6), ok)).toEqual({ allowed: false, reason: 'NOT_YET_VALID', grantId: 'A1' });
      expect(reason(future, h(24) - 1, ok)).toBe('NOT_YET_VALID');
      expect(reason(future, h(24), ok)).toBe('GRANT');
    });
  });

  describe('when a grant ends', () => {
    const ok = { amount: 1, channel: 'phone' };

    it('is REVOKED from the revocation on and in force before it', () => {
      const index = build(new Log().registered('E1', 'agent').grant(phoneGrant).revoked('A1', h(30)));
      expect(reason(index, h(30) - 1, ok)).toBe('GRANT');
      expect(reason(index, h(20), ok)).toBe('GRANT');
      expect(ask(index, h(30), ok)).toEqual({ allowed: false, reason: 'REVOKED', grantId: 'A1' });
      expect(reason(index, h(300), ok)).toBe('REVOKED');
    });

    it('is COMPLETED from the completion on', () => {
      const index = build(new Log().registered('E1', 'agent').grant(phoneGrant).completed('A1', h(30)));
      expect(reason(index, h(30), ok)).toBe('COMPLETED');
      expect(reason(index, h(29), ok)).toBe('GRANT');
    });

    it('counts as EXPIRED when revoked after validUntil but before the expiry event', () => {
      const index = build(new Log().registered('E1', 'agent').grant(phoneGrant).revoked('A1', h(100) + 500));
      expect(reason(index, h(101), ok)).toBe('EXPIRED');
    });

    it('answers NOT_ACKNOWLEDGED only while the notice awaits acknowledgement', () => {
      const index = build(new Log().registered('E1', 'agent').grant({ ...phoneGrant, ackAt: undefined }));
      expect(reason(index, h(4), ok)).toBe('NOT_ACKNOWLEDGED');
      expect(reason(index, h(100), ok)).toBe('NO_GRANT');
    });

    it('forgets applications withdrawn or rejected (NO_GRANT)', () => {
      const log = new Log().registered('E1', 'agent');
      log.grant({ ...phoneGrant, id: 'W1', ackAt: undefined }).withdrawn('W1', h(6));
      log.grant({ ...phoneGrant, id: 'R1', noticeAt: undefined, ackAt: undefined }).rejected('R1', h(3));
      const index = build(log);
      expect(reason(index, h(5), ok)).toBe('NOT_ACKNOWLEDGED');
      expect(reason(index, h(6), ok)).toBe('NO_GRANT');
      expect(index.stats().grants).toBe(1);
    });
  });

  describe('when a change is acknowledged', () => {
    const log = new Log().registered('E1', 'agent').grant(phoneGrant);
    log.change('A1', 'E1', 'C1', termsOf({ scope: { maxAmount: 2000, channels: ['phone', 'chat'] }, validFrom: h(0), validUntil: h(150) }), h(40), h(48));
    const index = build(log);

    it('keeps the old terms until the acknowledgement of the change', () => {
      expect(reason(index, h(47), { amount: 1500, channel: 'phone' })).toBe('OUT_OF_SCOPE');
      expect(reason(index, h(47), { amount: 500, channel: 'chat' })).toBe('OUT_OF_SCOPE');
      expect(ask(index, h(47), { amount: 500, channel: 'phone' }).validUntil).toBe(iso(h(100)));
    });

    it('applies the new terms from the acknowledgement of the change', () => {
      expect(ask(index, h(48), { amount: 1500, channel: 'chat' })).toEqual({ allowed: true, reason: 'GRANT', grantId: 'A1', validUntil: iso(h(150)) });
      expect(reason(index, h(120), { amount: 1500, channel: 'phone' })).toBe('GRANT');
      expect(reason(index, h(150), { amount: 1500, channel: 'phone' })).toBe('EXPIRED');
    });

    it('leaves the grant as it was when the change is pending or rejected', () => {
      const pending = new Log().registered('E1', 'agent').grant(phoneGrant);
      pending.change('A1', 'E1', 'C1', termsOf({ scope: { maxAmount: 2000 }, validFrom: h(0), validUntil: h(150) }), h(40));
      pending.rejected('A1', h(45), 'C1');
      const unchanged = build(pending);
      expect(reason(unchanged, h(60), { amount: 1500, channel: 'phone' })).toBe('OUT_OF_SCOPE');
      expect(reason(unchanged, h(60), { amount: 500, channel: 'phone' })).toBe('GRANT');
    });
  });

  describe('precedence between several grants', () => {
    const ok = { amount: 800, channel: 'phone' };

    it('MISSING_CONTEXT beats OUT_OF_SCOPE', () => {
      const index = build(
        new Log()
          .registered('E1', 'agent')
          .grant({ ...phoneGrant, id: 'A1', scope: { maxAmount: 500 } })
          .grant({ ...phoneGrant, id: 'A2', scope: { maxAmount: 5000, channels: ['chat'] } }),
      );
      expect(ask(index, h(10), { amount: 800 })).toEqual({ allowed: false, reason: 'MISSING_CONTEXT', grantId: 'A2', missingContext: ['channel'] });
    });

    it('OUT_OF_SCOPE beats NOT_YET_VALID, which beats NOT_ACKNOWLEDGED', () => {
      const log = new Log().registered('E1', 'agent');
      log.grant({ ...phoneGrant, id: 'P1', ackAt: undefined });
      log.grant({ ...phoneGrant, id: 'F1', validFrom: h(200), validUntil: h(300) });
      expect(ask(build(log), h(10), ok)).toEqual({ allowed: false, reason: 'NOT_YET_VALID', grantId: 'F1' });
      log.grant({ ...phoneGrant, id: 'S1', scope: { maxAmount: 100 } });
      expect(ask(build(log), h(10), ok)).toEqual({ allowed: false, reason: 'OUT_OF_SCOPE', grantId: 'S1' });
    });

    it('NOT_ACKNOWLEDGED beats an ended grant', () => {
      const log = new Log().registered('E1', 'agent').grant({ ...phoneGrant, id: 'OLD', validUntil: h(20) });
      log.grant({ ...phoneGrant, id: 'NEW', noticeAt: h(30), ackAt: undefined, appliedAt: h(25) });
      expect(reason(build(log), h(29), ok)).toBe('EXPIRED');
      expect(ask(build(log), h(30), ok)).toEqual({ allowed: false, reason: 'NOT_ACKNOWLEDGED', grantId: 'NEW' });
    });

    it('the most recently ended grant decides between EXPIRED, REVOKED and COMPLETED', () => {
      const log = new Log().registered('E1', 'agent');
      log.grant({ ...phoneGrant, id: 'X1', validUntil: h(10) });
      log.grant({ ...phoneGrant, id: 'R1' }).revoked('R1', h(12));
      log.grant({ ...phoneGrant, id: 'C1' }).completed('C1', h(8));
      log.expired('X1', h(10), h(10) + 1000);
      const index = build(log);
      expect(ask(index, h(11), ok)).toEqual({ allowed: true, reason: 'GRANT', grantId: 'R1', validUntil: iso(h(100)) });
      expect(ask(index, h(13), ok)).toEqual({ allowed: false, reason: 'REVOKED', grantId: 'R1' });
      const later = build(new Log().registered('E1', 'agent').grant({ ...phoneGrant, id: 'R1' }).revoked('R1', h(8)).grant({ ...phoneGrant, id: 'X1', validUntil: h(10) }));
      expect(ask(later, h(11), ok)).toEqual({ allowed: false, reason: 'EXPIRED', grantId: 'X1' });
      const completed = build(new Log().registered('E1', 'agent').grant({ ...phoneGrant, id: 'X1', validUntil: h(10) }).grant({ ...phoneGrant, id: 'C1' }).completed('C1', h(11)));
      expect(ask(completed, h(12), ok)).toEqual({ allowed: false, reason: 'COMPLETED', grantId: 'C1' });
    });

    it('among covering grants prefers the one with the latest validUntil', () => {
      const index = build(
        new Log()
          .registered('E1', 'agent')
          .grant({ ...phoneGrant, id: 'SHORT', validUntil: h(50) })
          .grant({ ...phoneGrant, id: 'LONG', validUntil: h(90) })
          .grant({ ...phoneGrant, id: 'NARROW', validUntil: h(99), scope: { maxAmount: 10 } }),
      );
      expect(ask(index, h(10), ok)).toEqual({ allowed: true, reason: 'GRANT', grantId: 'LONG', validUntil: iso(h(90)) });
    });

    it('allows by role baseline before looking at grants', () => {
      const index = build(new Log().registered('E1', 'supervisor').grant({ ...phoneGrant, matter: 'complaint.plan.review' }).revoked('A1', h(10)));
      expect(reason(index, h(20), undefined, 'E1', 'complaint.plan.review')).toBe('ROLE_BASELINE');
    });
  });
});

describe('PermissionIndex permissions and holders', () => {
  const log = new Log().registered('E1', 'agent', h(-10)).registered('E2', 'agent', h(-10)).registered('M1', 'manager', h(-10));
  log.grant(phoneGrant);
  log.grant({ id: 'A2', employeeId: 'E2', matter: 'fee.waive', scope: { maxAmount: 300 }, validFrom: h(0), validUntil: h(60), noticeAt: h(1), ackAt: h(2) });
  log.grant({ id: 'A3', employeeId: 'E2', scope: { maxAmount: 50 }, validFrom: h(0), validUntil: h(60), noticeAt: h(1), ackAt: h(2) });
  log.updated('E1', 'supervisor', 'agent', h(20)).revoked('A3', h(30)).left('E2', h(40)).revoked('A2', h(40));
  const index = build(log);

  it('lists role, baseline and grants in force at a past instant', () => {
    const before = index.permissions('E1', h(10));
    expect(before).toMatchObject({ employeeId: 'E1', role: 'agent', departed: false });
    expect(before?.baseline).toEqual(['complaint.general.handle', 'customer.info.modify', 'inquiry.answer', 'order.process']);
    expect(before?.grants).toEqual([{ authority: COMP, grantId: 'A1', scope: phoneGrant.scope, validFrom: iso(h(0)), validUntil: iso(h(100)) }]);
    expect(index.permissions('E1', h(3))?.grants).toEqual([]);
  });

  it('lists the new role baseline after a role change and nothing after departure', () => {
    expect(index.permissions('E1', h(50))?.baseline).toContain('team.schedule.adjust');
    expect(index.permissions('E2', h(10))?.grants.map((g) => g.grantId)).toEqual(['A3', 'A2']);
    expect(index.permissions('E2', h(35))?.grants.map((g) => g.grantId)).toEqual(['A2']);
    expect(index.permissions('E2', h(40))).toEqual({ employeeId: 'E2', role: 'agent', departed: true, baseline: [], grants: [] });
    expect(index.permissions('NOBODY', h(0))).toBeUndefined();
  });

  it('names holders by role and by grant, at a past instant and now', () => {
    expect(index.holders('team.schedule.adjust', h(10))).toEqual([{ employeeId: 'M1', via: 'role', role: 'manager' }]);
    expect(index.holders('team.schedule.adjust', h(20)).map((x) => x.employeeId)).toEqual(['E1', 'M1']);
    expect(index.holders('order.process', h(10)).map((x) => x.employeeId)).toEqual(['E1', 'E2', 'M1']);
    expect(index.holders('order.process', h(40)).map((x) => x.employeeId)).toEqual(['E1', 'M1']);
    expect(index.holders(COMP, h(10))).toEqual([
      { employeeId: 'E1', via: 'grant', grantId: 'A1', scope: phoneGrant.scope, validUntil: iso(h(100)) },
      { employeeId: 'E2', via: 'grant', grantId: 'A3', scope: { maxAmount: 50 }, validUntil: iso(h(60)) },
    ]);
    expect(index.holders(COMP, h(30)).map((x) => x.via === 'grant' && x.grantId)).toEqual(['A1']);
    expect(index.holders('fee.waive', h(39)).length).toBe(1);
    expect(index.holders('fee.waive', h(40))).toEqual([]);
  });
});

describe('PermissionIndex position', () => {
  it('advances on every event, ignored types included, and skips re-delivered positions', () => {
    const log = new Log().registered('E1', 'agent', h(0));
    log.push('TrainingCompleted', { employeeId: 'E1', course: 'x', completedAt: iso(h(1)), recordedBy: 'M1' }, h(1));
    const index = new PermissionIndex(POLICY);
    expect(index.position()).toBeNull();
    for (const event of log.events) expect(index.apply(event)).toBe(true);
    expect(index.position()).toBe(log.events[1]?.position);
    const left = new Log().left('E1', h(2)).events[0];
    if (left === undefined) throw new Error('no event');
    expect(index.apply(left)).toBe(false);
    expect(reason(index, h(3), undefined, 'E1', 'order.process')).toBe('ROLE_BASELINE');
  });
});
