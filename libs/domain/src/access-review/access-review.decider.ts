/** An access-review campaign (`access-review-{id}`): started → items decided or defaulted → closed at `dueAt`. */
import type { EmployeeSnapshot } from '../commands.js';
import type { Decider } from '../decider.js';
import { DomainError } from '../errors.js';
import { parseInstant } from '../instant.js';
import { accessReviewEvents } from '../codec/event-codec.js';
import type {
  AccessReviewDecision,
  AccessReviewEvent,
  AccessReviewItem,
  AccessReviewOutcome,
  AccessReviewStarted,
} from './access-review.events.js';

type Command<T extends string, D> = { readonly type: T; readonly data: D };

/** `grants`: the grants `active` now in its team and matters, with the grantee's superior (the app reads them). */
export type StartAccessReview = Command<
  'StartAccessReview',
  {
    readonly accessReviewId: string;
    readonly actor: EmployeeSnapshot;
    readonly title: string;
    readonly team: string | null;
    readonly matters: readonly string[] | null;
    readonly knownMatters: readonly string[];
    readonly dueAt: string;
    readonly defaultDecision: AccessReviewDecision;
    readonly items: readonly AccessReviewItem[];
    readonly now: string;
  }
>;
export type DecideAccessReviewItem = Command<
  'DecideAccessReviewItem',
  { readonly authorizationId: string; readonly actor: EmployeeSnapshot; readonly decision: AccessReviewDecision; readonly note: string; readonly now: string }
>;
/** Machine command from the scheduler: `[]` before `dueAt` or once closed. */
export type CloseAccessReview = Command<'CloseAccessReview', { readonly now: string }>;
export type AccessReviewCommand = StartAccessReview | DecideAccessReviewItem | CloseAccessReview;

export interface ItemState extends AccessReviewItem {
  readonly outcome: AccessReviewOutcome | null;
}
type Started = AccessReviewStarted['data'];
export type AccessReviewState =
  | { readonly status: 'none' }
  | { readonly status: 'open' | 'closed'; readonly review: Omit<Started, 'items'>; readonly items: ReadonlyMap<string, ItemState> };

export const initialState = (): AccessReviewState => ({ status: 'none' });

const outcomeOf = (decision: AccessReviewDecision, byDefault: boolean): AccessReviewOutcome =>
  decision === 'revoke' ? (byDefault ? 'revoked-by-default' : 'revoked') : byDefault ? 'unreviewed' : 'kept';

function withOutcome(state: AccessReviewState, authorizationId: string, outcome: AccessReviewOutcome): AccessReviewState {
  if (state.status !== 'open') return state;
  const item = state.items.get(authorizationId);
  if (!item || item.outcome !== null) return state;
  const items = new Map(state.items);
  items.set(authorizationId, { ...item, outcome });
  return { ...state, items };
}

export function evolve(state: AccessReviewState, event: AccessReviewEvent): AccessReviewState {
  switch (event.type) {
    case 'AccessReviewStarted': {
      if (state.status !== 'none') return state;
      const { items, ...review } = event.data;
      return { status: 'open', review, items: new Map(items.map((item) => [item.authorizationId, { ...item, outcome: null }])) };
    }
    case 'AccessReviewItemDecided':
      return withOutcome(state, event.data.authorizationId, outcomeOf(event.data.decision, false));
    case 'AccessReviewItemDefaulted':
      return withOutcome(state, event.data.authorizationId, outcomeOf(event.data.decision, true));
    case 'AccessReviewClosed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const at = (value: string): number => parseInstant(value) ?? Number.NaN;
const blank = (text: string): boolean => text.trim() === '';

function start(command: StartAccessReview, state: AccessReviewState): AccessReviewEvent[] {
  const { accessReviewId, actor, title, team, matters, knownMatters, dueAt, defaultDecision, items, now } = command.data;
  if (state.status !== 'none') throw new DomainError('ALREADY_EXISTS', `access review ${accessReviewId} already exists`);
  if (actor.left) throw new DomainError('EMPLOYEE_LEFT', `employee ${actor.employeeId} has left`);
  if (actor.role !== 'manager') throw new DomainError('ROLE_REQUIRED', 'a manager starts an access review', { role: 'manager' });
  if (blank(title)) throw new DomainError('REASON_REQUIRED', 'an access review needs a title', { title: 'required' });
  const unknown = (matters ?? []).filter((matter) => !knownMatters.includes(matter));
  if (unknown.length > 0) throw new DomainError('UNKNOWN_MATTER', `no grantable matter ${unknown.join(', ')}`, { matters: unknown });
  if (!(at(dueAt) > at(now))) throw new DomainError('DUE_AT_INVALID', 'dueAt must lie in the future', { dueAt: 'not in the future' });
  const data = { accessReviewId, title, team, matters: matters === null ? null : [...new Set(matters)], dueAt, defaultDecision, startedBy: actor.employeeId, startedAt: now, items };
  return [{ type: 'AccessReviewStarted', data }];
}

/** Whether `actor` reviews `item`: its reviewer, or any manager for a grantee without a superior; never the grantee. */
export function reviews(actor: EmployeeSnapshot, item: AccessReviewItem): boolean {
  if (actor.left || actor.employeeId === item.employeeId) return false;
  return item.reviewerId === null ? actor.role === 'manager' : actor.employeeId === item.reviewerId;
}

function decideItem(command: DecideAccessReviewItem, state: AccessReviewState): AccessReviewEvent[] {
  const { authorizationId, actor, decision, note, now } = command.data;
  if (state.status !== 'open' || at(now) >= at(state.review.dueAt)) {
    throw new DomainError('INVALID_TRANSITION', 'the access review is closed', { status: state.status === 'none' ? 'none' : 'closed' });
  }
  const item = state.items.get(authorizationId);
  if (!item) throw new DomainError('INVALID_TRANSITION', `${authorizationId} is not an item of this access review`);
  if (actor.employeeId === item.employeeId) throw new DomainError('SEPARATION_OF_DUTIES', 'nobody reviews their own grant');
  if (!reviews(actor, item)) throw new DomainError('NOT_REVIEWER', `only ${item.reviewerId ?? 'a manager'} reviews this item`);
  if (item.outcome !== null) throw new DomainError('INVALID_TRANSITION', 'this item is already decided', { outcome: item.outcome });
  if (decision === 'revoke' && blank(note)) throw new DomainError('NOTE_REQUIRED', 'a revocation needs a note', { note: 'required' });
  return [{ type: 'AccessReviewItemDecided', data: { accessReviewId: state.review.accessReviewId, authorizationId, decision, note, decidedBy: actor.employeeId, decidedAt: now } }];
}

/** At `dueAt` (not earlier): the default for every undecided item, then the results. */
function close(command: CloseAccessReview, state: AccessReviewState): AccessReviewEvent[] {
  const { now } = command.data;
  if (state.status !== 'open' || at(now) < at(state.review.dueAt)) return [];
  const { accessReviewId, defaultDecision, title } = state.review;
  const defaulted: AccessReviewEvent[] = [];
  let final: AccessReviewState = state;
  for (const item of state.items.values()) {
    if (item.outcome !== null) continue;
    const event: AccessReviewEvent = { type: 'AccessReviewItemDefaulted', data: { accessReviewId, authorizationId: item.authorizationId, decision: defaultDecision, defaultedAt: now } };
    defaulted.push(event);
    final = evolve(final, event);
  }
  const outcomes = final.status === 'none' ? [] : [...final.items.values()].map(({ authorizationId, employeeId, matter, outcome }) => ({ authorizationId, employeeId, matter, outcome: outcome ?? 'unreviewed' }));
  const count = (outcome: AccessReviewOutcome): number => outcomes.filter((o) => o.outcome === outcome).length;
  const counts = { kept: count('kept'), revoked: count('revoked'), unreviewed: count('unreviewed'), revokedByDefault: count('revoked-by-default') };
  return [...defaulted, { type: 'AccessReviewClosed', data: { accessReviewId, title, closedAt: now, counts, outcomes } }];
}

export function decide(command: AccessReviewCommand, state: AccessReviewState): AccessReviewEvent[] {
  switch (command.type) {
    case 'StartAccessReview':
      return start(command, state);
    case 'DecideAccessReviewItem':
      return decideItem(command, state);
    case 'CloseAccessReview':
      return close(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const accessReviewDecider: Decider<AccessReviewCommand, AccessReviewEvent, AccessReviewState> = { initialState, evolve, decide, codec: accessReviewEvents };
