/** Why an item needs an executive's final approval, in words a reviewer reads (SPEC §11 worklist `reason`). */
import type { FinalApprovalRule, MatterPolicy } from './catalogue.js';
import type { Scope } from '../events.js';

/** The rule itself: `never`, `major matter`, `maxAmount > 2000`. */
export const finalApprovalRuleText = (rule: FinalApprovalRule): string => {
  switch (rule.kind) {
    case 'never':
      return 'never';
    case 'always':
      return 'major matter';
    case 'maxAmountAbove':
      return `maxAmount > ${rule.threshold}`;
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
};

/**
 * The rule as it applies to these terms: `maxAmount 5000 > 2000` or `major matter`; null when the
 * catalogue (as it stands) would not ask for final approval of this scope.
 */
export const finalApprovalReason = (policy: MatterPolicy, scope: Scope): string | null => {
  const rule = policy.finalApproval;
  switch (rule.kind) {
    case 'never':
      return null;
    case 'always':
      return 'major matter';
    case 'maxAmountAbove':
      return (scope.maxAmount ?? 0) > rule.threshold ? `maxAmount ${scope.maxAmount ?? 0} > ${rule.threshold}` : null;
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
};
