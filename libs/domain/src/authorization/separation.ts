import type { EmployeeSnapshot } from '../commands.js';
import { DomainError } from '../errors.js';

/** Applicant, initial reviewer, approver and final approver are four different people (SPEC §4). */
export function ensureSeparated(actor: EmployeeSnapshot, others: readonly (string | null)[], step: string): void {
  if (others.includes(actor.employeeId)) {
    throw new DomainError('SEPARATION_OF_DUTIES', `${actor.employeeId} already acted on this application and cannot give its ${step}`);
  }
}
