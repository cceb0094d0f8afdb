/** Customer feedback (`feedback-{id}`): a satisfaction score 1..5 about an employee, sent by a service. */
import type { Decider } from '../decider.js';
import type { ReceiveCustomerFeedback } from './supervision.commands.js';
import { alreadyExists, ensureScore } from './supervision-rules.js';
import type { CustomerFeedbackReceived, FeedbackEvent } from './supervision.events.js';
import { feedbackEvents } from '../codec/event-codec.js';

export type FeedbackState = { readonly status: 'none' } | { readonly status: 'received'; readonly feedback: CustomerFeedbackReceived['data'] };

export const initialState = (): FeedbackState => ({ status: 'none' });

export const evolve = (_state: FeedbackState, event: FeedbackEvent): FeedbackState => ({ status: 'received', feedback: event.data });

export function decide(command: ReceiveCustomerFeedback, state: FeedbackState): FeedbackEvent[] {
  if (state.status !== 'none') throw alreadyExists(`feedback ${command.data.feedbackId}`);
  ensureScore(command.data.score, 'score');
  return [{ type: 'CustomerFeedbackReceived', data: { ...command.data } }];
}

export const feedbackDecider: Decider<ReceiveCustomerFeedback, FeedbackEvent, FeedbackState> = { initialState, evolve, decide, codec: feedbackEvents };
