/** An escalation (`escalation-{id}`) of an out-of-scope problem to the superior: raised → resolved. */
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import type { EscalationCommand, RaiseEscalation, ResolveEscalation } from './supervision.commands.js';
import { alreadyExists, ensureActive, invalidTransition, isManager, requireText } from './supervision-rules.js';
import type { EscalationEvent, EscalationRaised } from './supervision.events.js';
import { escalationEvents } from '../codec/event-codec.js';

type Raised = EscalationRaised['data'];
export type EscalationState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly escalation: Raised }
  | { readonly status: 'resolved'; readonly escalation: Raised; readonly resolvedBy: string; readonly resolution: string };

export const initialState = (): EscalationState => ({ status: 'none' });

export function evolve(state: EscalationState, event: EscalationEvent): EscalationState {
  switch (event.type) {
    case 'EscalationRaised':
      return { status: 'open', escalation: event.data };
    case 'EscalationResolved':
      return state.status === 'open' ? { ...state, status: 'resolved', resolvedBy: event.data.resolvedBy, resolution: event.data.resolution } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function raise(command: RaiseEscalation, state: EscalationState): EscalationEvent[] {
  if (state.status !== 'none') throw alreadyExists(`escalation ${command.data.escalationId}`);
  const { escalationId, employee, authority, context, summary } = command.data;
  ensureActive(employee);
  requireText(summary, 'summary');
  return [{ type: 'EscalationRaised', data: { escalationId, employeeId: employee.employeeId, superiorId: employee.reportsTo, authority, context, summary } }];
}

/** By the superior at the time it was raised, or any manager; never by the one who raised it. */
function resolve(command: ResolveEscalation, state: EscalationState): EscalationEvent[] {
  if (state.status !== 'open') throw invalidTransition(command.type, state.status);
  const { actor, resolution } = command.data;
  ensureActive(actor);
  if (actor.employeeId === state.escalation.employeeId) throw new DomainError('SEPARATION_OF_DUTIES', 'nobody resolves their own escalation');
  if (actor.employeeId !== state.escalation.superiorId && !isManager(actor)) {
    throw new DomainError('NOT_SUPERIOR_OR_MANAGER', 'only the superior it was raised to, or a manager, resolves an escalation');
  }
  requireText(resolution, 'resolution');
  return [{ type: 'EscalationResolved', data: { escalationId: state.escalation.escalationId, resolvedBy: actor.employeeId, resolution } }];
}

export function decide(command: EscalationCommand, state: EscalationState): EscalationEvent[] {
  switch (command.type) {
    case 'RaiseEscalation':
      return raise(command, state);
    case 'ResolveEscalation':
      return resolve(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const escalationDecider: Decider<EscalationCommand, EscalationEvent, EscalationState> = { initialState, evolve, decide, codec: escalationEvents };
