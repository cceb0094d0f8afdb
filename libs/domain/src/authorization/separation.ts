import type { EmployeeSnapshot } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Act } from './authorization.state.js';

/** Applicant, initial reviewer, approver and final approver are four different people (SPEC §4). */
export function ensureSeparated(actor: EmployeeSnapshot, others: readonly (string | null)[], step: string): void {
  if (others.includes(actor.employeeId)) {
    throw new DomainError('SEPARATION_OF_DUTIES', `${actor.employeeId} already acted on this application and cannot give its ${step}`);
  }
}

/** The people an act counts for: its actor and, for a stand-in's act, the person stood in for. */
export const personsOf = (act: Pick<Act, 'actorId' | 'actingFor'>): readonly string[] => (act.actingFor === null ? [act.actorId] : [act.actorId, act.actingFor]);

/**
 * Separation of duties with stand-ins (SPEC §11): an act by a stand-in counts as the stood-for person's
 * too, so neither may take another of the four roles of the same pass; and a stand-in acts at most once
 * on one application, its changes included, and never on their own application.
 */
export function ensureSeparatedActs(
  applicantId: string,
  acts: readonly Act[],
  next: Pick<Act, 'actorId' | 'actingFor' | 'changeId'>,
  step: Act['step'],
): void {
  const refuse = (why: string): never => {
    throw new DomainError('SEPARATION_OF_DUTIES', `${next.actorId} cannot give the ${step}: ${why}`);
  };
  const persons = personsOf(next);
  if (persons.includes(applicantId)) refuse('nobody acts on their own application');
  if (step !== 'notice') {
    const pass = acts.filter((act) => act.changeId === next.changeId && act.step !== 'notice').flatMap(personsOf);
    if (persons.some((person) => pass.includes(person))) refuse('they already acted on this application (in person or through a stand-in)');
  }
  if (next.actingFor !== null && acts.some((act) => personsOf(act).includes(next.actorId))) refuse('a stand-in acts once on one application');
  if (acts.some((act) => act.actingFor !== null && act.actorId === next.actorId)) refuse('they already acted on it as a stand-in');
}
