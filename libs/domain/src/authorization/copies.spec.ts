import type { Catalogue } from '../catalogue/catalogue.js';
import type { AuthorizationCommand } from '../commands.js';
import type { AuthorizationEvent, Terms } from '../events.js';
import { ev, history, terms } from '../testing/authorization-builders.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { catalogue } from '../testing/default-catalogue.js';
import { people } from '../testing/fixtures.js';
import { authorizationDecider } from './authorization.decider.js';
import { authorizationSummary } from './terms-in-force.js';
import { copyRuleOf, isDepartment, resolveCopies, unionOfCopies } from './copies.js';

const { given } = deciderSpec(authorizationDecider);
const { manager2 } = people;

/** compensation.issue with a copy rule: compliance always, finance when omitted. */
const ruled = (rule = { required: ['compliance'], default: ['finance'] }): Catalogue => ({
  ...catalogue,
  matters: { ...catalogue.matters, 'compensation.issue': { ...catalogue.matters['compensation.issue']!, copies: rule } },
});
const unruled: Catalogue = {
  ...catalogue,
  matters: Object.fromEntries(Object.entries(catalogue.matters).map(([id, { copies: _dropped, ...matter }]) => [id, matter])),
};

const notice = (copiesTo: readonly string[] | null, withCatalogue: Catalogue = ruled()): AuthorizationCommand => ({
  type: 'IssueNotice',
  data: { actor: manager2, designationGrantId: null, copiesTo, catalogue: withCatalogue, noticeNumber: 'N-1', now: '2026-01-01T12:00:00.000Z' },
});
const noticed = (copiesTo: readonly string[], noticeTerms: Terms = terms, changeId?: string, noticeNumber = 'N-1'): AuthorizationEvent => {
  const event = ev.noticed(noticeTerms, changeId, noticeNumber);
  return { ...event, data: { ...event.data, copiesTo } } as AuthorizationEvent;
};
const changed: Terms = { ...terms, scope: { maxAmount: 1500 } };

describe('copies of notices (SPEC §12)', () => {
  describe('when a notice is pending', () => {
    const events = history.pendingNotice;
    it('takes the default and the required departments when copiesTo is omitted', () =>
      given(events).when(notice(null)).then([noticed(['finance', 'compliance'])]));
    it('takes an explicit list as it is, once each', () =>
      given(events).when(notice(['quality', 'compliance', 'quality'])).then([noticed(['quality', 'compliance'])]));
    it('refuses a list without a required department', () => given(events).when(notice(['finance'])).thenThrows('COPY_REQUIRED'));
    it('refuses an empty list where a department is required', () => given(events).when(notice([])).thenThrows('COPY_REQUIRED'));
    it('means no copies by an explicit [] where nothing is required', () => given(events).when(notice([], ruled({ required: [], default: ['finance'] }))).then([noticed([])]));
    it('takes [] for an omitted list of a matter without rules', () => given(events).when(notice(null, unruled)).then([noticed([])]));
    it('refuses a department that is not a lower-case slug', () => given(events).when(notice(['compliance', 'Finance'])).thenThrows('DEPARTMENT_INVALID'));
  });

  describe('when a change is pending its notice', () => {
    const events = [...history.active, ev.changeApplied(changed), ev.reviewed('S1', 'C1'), ev.approved(false, 'M1', 'C1')];
    it('requires the required departments on the change notice too', () => given(events).when(notice(['finance'])).thenThrows('COPY_REQUIRED'));
    it('issues the change notice with its own list', () =>
      given(events).when(notice(['compliance'])).then([noticed(['compliance'], changed, 'C1')]));
  });

  describe('the union', () => {
    it('keeps every department ever copied, in order of first copy, after a change copied to fewer', () => {
      const events = [
        ...history.pendingNotice,
        noticed(['finance', 'quality']),
        ev.acknowledged(),
        ev.changeApplied(changed),
        ev.reviewed('S1', 'C1'),
        ev.approved(false, 'M1', 'C1'),
        noticed(['finance', 'legal'], changed, 'C1', 'N-2'),
      ];
      const state = events.reduce(authorizationDecider.evolve, authorizationDecider.initialState());
      const summary = authorizationSummary(state);
      expect(summary?.copiesTo).toEqual(['finance', 'quality', 'legal']);
      expect(summary?.pendingChange?.notice?.copiesTo).toEqual(['finance', 'legal']);
      expect(summary?.notice?.copiesTo).toEqual(['finance', 'quality']);
    });
    it('is empty before the first notice', () => {
      const state = history.pendingNotice.reduce(authorizationDecider.evolve, authorizationDecider.initialState());
      expect(authorizationSummary(state)?.copiesTo).toEqual([]);
    });
    it('is distinct in order of first appearance', () => expect(unionOfCopies(['a', 'b'], ['b', 'c', 'a'])).toEqual(['a', 'b', 'c']));
  });

  describe('rules and slugs', () => {
    it('reads the shipped rules: compliance is required for customer data exports', () =>
      expect(copyRuleOf(catalogue, 'customer.data.export').required).toEqual(['compliance']));
    it('has no rule for an unknown matter', () => expect(copyRuleOf(catalogue, 'no.such.matter')).toEqual({ required: [], default: [] }));
    it('names the missing departments', () => {
      expect(() => resolveCopies(['finance'], { required: ['compliance', 'legal'], default: [] })).toThrow('compliance, legal');
    });
    it.each([['finance', true], ['it-security', true], ['hr2', true], ['Finance', false], ['-x', false], ['x-', false], ['a_b', false], ['', false], ['a'.repeat(65), false]])(
      'accepts %s as a department: %s',
      (value, expected) => expect(isDepartment(value)).toBe(expected),
    );
  });
});
