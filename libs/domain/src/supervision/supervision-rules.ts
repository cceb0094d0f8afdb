/** Rules shared by the supervision deciders. */
import type { EmployeeSnapshot } from '../commands.js';
import { DomainError } from '../errors.js';
import { isPeriod } from './period.js';
import { SupervisionError } from './supervision-errors.js';

export function ensureActive(employee: EmployeeSnapshot): void {
  if (employee.left) throw new DomainError('EMPLOYEE_LEFT', `employee ${employee.employeeId} has left`);
}

export const isManager = (employee: EmployeeSnapshot): boolean => employee.role === 'manager';

/** The subject's superior (their `reportsTo` as given) or any manager; never the subject themself. */
export function ensureSuperiorOrManager(actor: EmployeeSnapshot, subject: EmployeeSnapshot, what: string): void {
  if (actor.employeeId === subject.employeeId) throw new DomainError('SEPARATION_OF_DUTIES', `nobody ${what} about themself`);
  if (subject.reportsTo !== actor.employeeId && !isManager(actor)) {
    throw new DomainError('NOT_SUPERIOR_OR_MANAGER', `only ${subject.employeeId}'s superior or a manager ${what}`);
  }
}

export function ensureManager(actor: EmployeeSnapshot, what: string): void {
  if (!isManager(actor)) throw new DomainError('ROLE_REQUIRED', `only a manager ${what}`, { role: 'manager' });
}

export function requireText(value: string, field: string): void {
  if (value.trim() === '') throw new DomainError('REASON_REQUIRED', `${field} is required`, { [field]: 'required' });
}

export function ensureScore(score: number, field: string): void {
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new SupervisionError('SCORE_INVALID', `${field} must be an integer 1..5`);
}

export function ensurePeriod(period: string): void {
  if (!isPeriod(period)) throw new SupervisionError('PERIOD_INVALID', `period ${period} is not YYYY-MM or YYYY-Qn`);
}

export const alreadyExists = (what: string): DomainError => new DomainError('ALREADY_EXISTS', `${what} already exists`);
export const invalidTransition = (command: string, status: string): DomainError =>
  new DomainError('INVALID_TRANSITION', `${command} is not possible while ${status}`, { status });
