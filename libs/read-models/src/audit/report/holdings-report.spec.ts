import { loadCatalogue } from '../../../../platform/src/catalogue-loader.js';
import { applyThrough, EventLog, seedDirectory } from '../../testing/event-log.js';
import { holdingsReport, reportToCsv, reportToHtml, reportToText, type HoldingsReport } from './holdings-report.js';

const catalogue = loadCatalogue();

/** E1's grant A1 (final approval by X1) acknowledged, E2's A2 only noticed; A1 revoked later. */
const history = () => {
  const log = new EventLog();
  seedDirectory(log);
  applyThrough(log, 'A1', 'acknowledged');
  // applyThrough acknowledges at 2026-01-02T09:00 (the acknowledgement's own instant, which the verdict uses).
  const acknowledgedAt = '2026-01-02T09:00:00.000Z';
  applyThrough(log, 'A2', 'noticed', { applicant: 'E2' });
  const revoked = log.add({ type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'S1', reason: 'outside the channel', cause: 'manual', revokedAt: '2026-03-01T00:00:00.000Z' } }, 'S1', '2026-03-01T00:00:00.000Z');
  return { log, acknowledgedAt, revokedAt: revoked.metadata['occurredAt'] as string };
};

const reportAt = (at: string): HoldingsReport => {
  const { log } = history();
  const builder = holdingsReport(catalogue, at);
  builder.add(log.events);
  return builder.build();
};
const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

describe('the auditor report: who held what at T', () => {
  describe('when a grant was in force at T', () => {
    it('lists it with its whole approval chain by name, and every role baseline of the people employed', () => {
      const { acknowledgedAt } = history();
      const report = reportAt(plus(acknowledgedAt, 86_400_000));
      expect(report.byGrant).toEqual([
        {
          employee: { id: 'E1', name: 'Name E1' },
          role: 'agent',
          authority: 'compensation.issue',
          authorityName: catalogue.authorities['compensation.issue']?.names.en,
          grantId: 'A1',
          scope: { maxAmount: 5000, channels: ['phone'] },
          validFrom: '2026-01-01T00:00:00.000Z',
          validUntil: '2026-06-01T00:00:00.000Z',
          chain: {
            applicant: { id: 'E1', name: 'Name E1' },
            reviewer: { id: 'S1', name: 'Name S1' },
            approver: { id: 'M1', name: 'Name M1' },
            finalApprover: { id: 'X1', name: 'Name X1' },
            issuer: { id: 'M1', name: 'Name M1' },
            noticeNumber: 'N-A1',
            changeId: null,
          },
        },
      ]);
      const roles = new Set(report.byRole.map((r) => `${r.employee.id}:${r.role}`));
      const people = ['M1:manager', 'M2:manager', 'X1:executive', 'S1:supervisor', 'S2:supervisor', 'E1:agent', 'E2:agent'] as const;
      const withBaseline = people.filter((p) => (catalogue.baselines[p.split(':')[1] as keyof typeof catalogue.baselines] ?? []).length > 0);
      expect(withBaseline.length).toBeGreaterThan(3);
      expect(roles).toEqual(new Set(withBaseline));
      expect(report.byRole.filter((r) => r.employee.id === 'E1').map((r) => r.authority)).toEqual([...(catalogue.baselines.agent ?? [])].sort());
    });
  });

  describe('when no grant was in force at T', () => {
    it('lists none before the acknowledgement, after the revocation, or after validUntil; a noticed, unacknowledged grant never', () => {
      const { acknowledgedAt, revokedAt } = history();
      expect(reportAt(plus(acknowledgedAt, -1000)).byGrant).toEqual([]);
      expect(reportAt(plus(revokedAt, 1000)).byGrant).toEqual([]);
      expect(reportAt('2026-07-01T00:00:00.000Z').byGrant).toEqual([]);
      expect(reportAt(plus(acknowledgedAt, 86_400_000)).byGrant.map((g) => g.grantId)).not.toContain('A2');
    });

    it('lists nobody before the directory existed', () => {
      expect(reportAt('2025-01-01T00:00:00.000Z')).toEqual({ at: '2025-01-01T00:00:00.000Z', byRole: [], byGrant: [] });
    });
  });

  it('refuses an instant that is not one', () => {
    expect(() => holdingsReport(catalogue, 'yesterday')).toThrow(/--at must be an ISO-8601 instant/);
  });

  describe('renderings', () => {
    const { acknowledgedAt } = history();
    const report = reportAt(plus(acknowledgedAt, 86_400_000));

    it('CSV: one header, a row per holding, names beside ids, formulas defused', () => {
      const csv = reportToCsv(report);
      const rows = csv.trimEnd().split('\r\n');
      expect(rows[0]).toBe('at,held by,employee,name,role,authority,authority name,grant,scope,valid from,valid until,applicant,reviewer,approver,final approver,issuer,notice,change,team');
      expect(rows).toHaveLength(1 + report.byRole.length + report.byGrant.length);
      expect(rows.find((r) => r.startsWith(`${report.at},grant,`))).toContain('Name E1 (E1),Name S1 (S1),Name M1 (M1),Name X1 (X1),Name M1 (M1),N-A1');
      const hostile = reportToCsv({ ...report, byGrant: [{ ...(report.byGrant[0] as HoldingsReport['byGrant'][number]), employee: { id: 'E9', name: '=HYPERLINK("x")' } }] });
      expect(hostile).toContain(`"'=HYPERLINK(""x"")"`);
    });

    it('HTML: a page with both tables, text escaped', () => {
      const html = reportToHtml({ ...report, byGrant: [{ ...(report.byGrant[0] as HoldingsReport['byGrant'][number]), employee: { id: 'E9', name: '<script>x</script>' } }] });
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<h2>By grant (1)</h2>');
      expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(html).not.toContain('<script>');
    });

    it('text: the grant and its chain', () => {
      expect(reportToText(report)).toContain('applied Name E1 (E1) · reviewed Name S1 (S1) · approved Name M1 (M1) · final Name X1 (X1) · issued Name M1 (M1) (N-A1)');
    });
  });
});
