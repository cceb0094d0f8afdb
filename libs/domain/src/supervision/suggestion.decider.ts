/** The policy suggestion box (`suggestion-{id}`): submitted → answered once by a manager. */
import type { Decider } from '../decider.js';
import type { AnswerSuggestion, SubmitSuggestion, SuggestionCommand } from './supervision.commands.js';
import { alreadyExists, ensureActive, ensureManager, invalidTransition, requireText } from './supervision-rules.js';
import type { SuggestionAnswered, SuggestionEvent, SuggestionSubmitted } from './supervision.events.js';
import { suggestionEvents } from '../codec/event-codec.js';

export type SuggestionState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly suggestion: SuggestionSubmitted['data'] }
  | { readonly status: 'answered'; readonly suggestion: SuggestionSubmitted['data']; readonly answer: SuggestionAnswered['data'] };

export const initialState = (): SuggestionState => ({ status: 'none' });

export function evolve(state: SuggestionState, event: SuggestionEvent): SuggestionState {
  switch (event.type) {
    case 'SuggestionSubmitted':
      return { status: 'open', suggestion: event.data };
    case 'SuggestionAnswered':
      return state.status === 'open' ? { ...state, status: 'answered', answer: event.data } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** An anonymous suggestion does not name its author (the HTTP layer keeps the author out of the metadata too). */
function submit(command: SubmitSuggestion, state: SuggestionState): SuggestionEvent[] {
  if (state.status !== 'none') throw alreadyExists(`suggestion ${command.data.suggestionId}`);
  const { suggestionId, author, text, anonymous, authorDigest } = command.data;
  ensureActive(author);
  requireText(text, 'text');
  const digest = anonymous && authorDigest !== null ? { authorDigest } : {};
  return [{ type: 'SuggestionSubmitted', data: { suggestionId, text, anonymous, submittedBy: anonymous ? null : author.employeeId, ...digest } }];
}

function answer(command: AnswerSuggestion, state: SuggestionState): SuggestionEvent[] {
  if (state.status !== 'open') throw invalidTransition(command.type, state.status);
  const { actor, response, adopted } = command.data;
  ensureActive(actor);
  ensureManager(actor, 'answers a suggestion');
  requireText(response, 'response');
  return [{ type: 'SuggestionAnswered', data: { suggestionId: state.suggestion.suggestionId, response, adopted, answeredBy: actor.employeeId } }];
}

export function decide(command: SuggestionCommand, state: SuggestionState): SuggestionEvent[] {
  switch (command.type) {
    case 'SubmitSuggestion':
      return submit(command, state);
    case 'AnswerSuggestion':
      return answer(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const suggestionDecider: Decider<SuggestionCommand, SuggestionEvent, SuggestionState> = { initialState, evolve, decide, codec: suggestionEvents };
