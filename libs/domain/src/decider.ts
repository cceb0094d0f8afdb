/** The decider shape (STYLE §1): pure functions, folded by the application's `handleCommand`. */
export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  /** Throws `DomainError` for a broken rule; `[]` when there is nothing to do. */
  readonly decide: (command: Command, state: State) => Event[];
}

/** Folds events over the decider's initial state. */
export const fold = <C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
