/** Rules shared by several authorization commands. */
import type { Catalogue, MatterPolicy } from '../catalogue/catalogue.js';
import type { EmployeeSnapshot } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Scope } from '../events.js';
import { parseInstant } from '../instant.js';
import { validateScope } from '../scope.js';
import type { AuthorizationState } from './authorization.state.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** For instants that come from our own clock or store (`now`, stored terms): unparseable is a bug upstream. */
export function instant(value: string, field: string): number {
  const ms = parseInstant(value);
  if (ms === null) throw new DomainError('VALIDITY_INVALID', `${field}: not an ISO-8601 instant`, { [field]: 'not an ISO-8601 instant' });
  return ms;
}

export const invalidTransition = (state: AuthorizationState, command: string): DomainError =>
  new DomainError('INVALID_TRANSITION', `${command} is not possible while ${state.status}`, { status: state.status });

export function ensureNotLeft(employee: EmployeeSnapshot): void {
  if (employee.left) throw new DomainError('EMPLOYEE_LEFT', `employee ${employee.employeeId} has left`);
}

export const isBlank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

export function requireReason(reason: string | null | undefined): void {
  if (isBlank(reason)) throw new DomainError('REASON_REQUIRED', 'a reason is required', { reason: 'required' });
}

/** Approvals may carry an empty opinion; rejections must say why. */
export function requireOpinionToReject(rejected: boolean, opinion: string): void {
  if (rejected && isBlank(opinion)) throw new DomainError('OPINION_REQUIRED', 'a rejection needs an opinion', { opinion: 'required' });
}

export function policyOf(catalogue: Catalogue, matter: string): MatterPolicy {
  const policy = catalogue.matters[matter];
  if (!policy) throw new DomainError('UNKNOWN_MATTER', `no grantable matter ${matter}`, { matter: 'unknown' });
  return policy;
}

export function ensureEligible(policy: MatterPolicy, employee: EmployeeSnapshot): void {
  if (!policy.eligibleRoles.includes(employee.role)) {
    throw new DomainError('MATTER_NOT_ELIGIBLE', `role ${employee.role} may not hold ${policy.id}`, { matter: policy.id, role: employee.role });
  }
}

export function ensureTrained(policy: MatterPolicy, employee: EmployeeSnapshot): void {
  const missing = policy.trainingRequired.filter((course) => !employee.trainings.includes(course));
  if (missing.length > 0) {
    throw new DomainError('TRAINING_REQUIRED', `${policy.id} needs training: ${missing.join(', ')}`, { missing });
  }
}

/** Checks a period of validity against the matter's maximum and the clock. */
export function ensureValidity(policy: MatterPolicy, validFrom: string, validUntil: string, now: string): void {
  const from = parseInstant(validFrom);
  const until = parseInstant(validUntil);
  if (from === null) throw new DomainError('VALIDITY_INVALID', 'validFrom: not an ISO-8601 instant', { validFrom: 'invalid' });
  if (until === null) throw new DomainError('VALIDITY_INVALID', 'validUntil: not an ISO-8601 instant', { validUntil: 'invalid' });
  if (until <= from) throw new DomainError('VALIDITY_INVALID', 'validUntil must be after validFrom', { validUntil: 'not after validFrom' });
  if (until - from > policy.maxValidityDays * DAY_MS) {
    throw new DomainError('VALIDITY_TOO_LONG', `${policy.id} may be granted for at most ${policy.maxValidityDays} days`, {
      maxValidityDays: policy.maxValidityDays,
    });
  }
  if (until <= instant(now, 'now')) throw new DomainError('VALIDITY_ENDED', 'validUntil has already passed', { validUntil: 'in the past' });
}

/** Everything an application and a change share: eligibility, scope, validity, training. */
export function validateTerms(policy: MatterPolicy, employee: EmployeeSnapshot, scope: unknown, validFrom: string, validUntil: string, now: string): Scope {
  ensureEligible(policy, employee);
  const validScope = validateScope(policy, scope);
  ensureValidity(policy, validFrom, validUntil, now);
  ensureTrained(policy, employee);
  return validScope;
}

export const DAY_IN_MS = DAY_MS;
