import type { EventCodec, StoredEvent } from './codec/event-codec.js';

/** The decider shape (STYLE §1): pure functions, folded by the application's `handleCommand`. */
export interface Decider<Command, Event, State> {
  /** How its stream's stored events are read (upcast) and which schema version it writes (`codec/`). */
  readonly codec: EventCodec<Event>;
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** Throws `DomainError` for a broken rule; `[]` when there is nothing to do. */
  readonly decide: (command: Command, state: State) => Event[];
}

/** Folds events over the decider's initial state. */
export const fold = <C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** Folds stored events, decoded by the decider's codec; events it cannot read (a newer writer's) are skipped. */
export const foldStored = <C, E, S>(decider: Decider<C, E, S>, stored: readonly StoredEvent[]): S => {
  let state = decider.initialState();
  for (const event of stored) {
    const decoded = decider.codec.decode(event);
    if (decoded !== null) state = decider.evolve(state, decoded);
  }
  return state;
};
