import fc from 'fast-check';
import { PermissionIndex } from './permission-index.js';
import { h, Log, POLICY } from './testing/events.js';

/** One grant with arbitrary instants (hours from T0), maybe acknowledged, maybe revoked, and an instant to ask about. */
const scenario = fc
  .record({
    noticeAt: fc.integer({ min: 0, max: 100 }),
    ackDelay: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    validFrom: fc.integer({ min: 0, max: 200 }),
    validity: fc.integer({ min: 1, max: 200 }),
    revokeDelay: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    at: fc.integer({ min: -10, max: 600 }),
  })
  .map((s) => {
    const ackAt = s.ackDelay === undefined ? undefined : s.noticeAt + s.ackDelay;
    return { ...s, ackAt, validUntil: s.validFrom + s.validity, revokedAt: ackAt === undefined || s.revokeDelay === undefined ? undefined : ackAt + s.revokeDelay };
  });

describe('PermissionIndex invariants', () => {
  it('a grant is in force exactly when acknowledged, within [validFrom, validUntil) and not revoked', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const log = new Log().registered('E1', 'agent', h(-100));
        log.grant({ id: 'A1', employeeId: 'E1', matter: 'customer.data.export', validFrom: h(s.validFrom), validUntil: h(s.validUntil), noticeAt: h(s.noticeAt), ackAt: s.ackAt === undefined ? undefined : h(s.ackAt), appliedAt: h(-1) });
        if (s.revokedAt !== undefined) log.revoked('A1', h(s.revokedAt));
        const index = new PermissionIndex(POLICY);
        for (const event of log.events) index.apply(event);
        const answer = index.check({ employeeId: 'E1', authority: 'customer.data.export', at: h(s.at) });
        const inForce = s.ackAt !== undefined && s.ackAt <= s.at && s.validFrom <= s.at && s.at < s.validUntil && (s.revokedAt === undefined || s.at < s.revokedAt);
        expect(answer.allowed).toBe(inForce);
        if (inForce) expect(answer.reason).toBe('GRANT');
        if (answer.reason === 'EXPIRED') expect(s.at >= s.validUntil).toBe(true);
        if (answer.reason === 'REVOKED') expect(s.revokedAt !== undefined && s.at >= s.revokedAt && s.revokedAt < s.validUntil).toBe(true);
        if (answer.reason === 'NOT_ACKNOWLEDGED') expect(s.at >= s.noticeAt && (s.ackAt === undefined || s.at < s.ackAt)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
