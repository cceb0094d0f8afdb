/** Reporting-line rules that need other employees: the caller looks them up, this stays pure. */
import type { EmployeeSnapshot } from '../commands.js';
import { DomainError } from '../errors.js';

const refuse = (problem: string): never => {
  throw new DomainError('REPORTS_TO_INVALID', `reportsTo: ${problem}`, { reportsTo: problem });
};

/** Throws `REPORTS_TO_INVALID` when `reportsTo` is the employee, unknown, has left, or closes a cycle. */
export function validateReportsTo(
  employeeId: string,
  reportsTo: string | null,
  lookup: (id: string) => EmployeeSnapshot | null,
): void {
  if (reportsTo === null) return;
  if (reportsTo === employeeId) refuse('an employee cannot report to themself');
  const superior = lookup(reportsTo);
  if (!superior) return refuse(`unknown employee ${reportsTo}`);
  if (superior.left) refuse(`employee ${reportsTo} has left`);
  const seen = new Set<string>();
  let current: string | null = reportsTo;
  while (current !== null && !seen.has(current)) {
    if (current === employeeId) refuse(`${employeeId} → ${reportsTo} would close a reporting cycle`);
    seen.add(current);
    current = lookup(current)?.reportsTo ?? null;
  }
}
