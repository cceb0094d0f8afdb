/** Who may act on a workflow step, in their own right, as a stand-in (代理人) or after an escalation (SPEC §11). */
import type { EmployeeSnapshot } from '../commands.js';
import { mayStandInFor, standsInFor } from '../employee/stand-in.js';
import type { Role } from '../ids.js';
import type { Act, AppliedState } from './authorization.state.js';
import { ensureSeparatedActs } from './separation.js';

/** The person among `absent` with `role` who named `actor` as stand-in for a period running at `now`. */
export function standingInFor(actor: EmployeeSnapshot, absent: readonly EmployeeSnapshot[] | undefined, role: Role, now: string): EmployeeSnapshot | null {
  const found = (absent ?? []).find((person) => person.role === role && mayStandInFor(actor.role, person.role) && standsInFor(actor.employeeId, person, now));
  return found ?? null;
}

/** Separation of duties for the next act on `state` (its own pass or change `changeId`). */
export function ensureMayAct(state: AppliedState, actor: EmployeeSnapshot, actingFor: EmployeeSnapshot | null, changeId: string | undefined, step: Act['step']): void {
  ensureSeparatedActs(state.applicantId, state.acts ?? [], { actorId: actor.employeeId, actingFor: actingFor?.employeeId ?? null, changeId: changeId ?? null }, step);
}

/** `{ actingFor }` for an event's data when a stand-in acts, else nothing (one's own acts stay as they were written). */
export const actingForField = (actingFor: EmployeeSnapshot | null): { readonly actingFor?: string } => (actingFor === null ? {} : { actingFor: actingFor.employeeId });
