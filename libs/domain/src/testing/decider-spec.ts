/**
 * Given/when/then for deciders (STYLE §22): `given(events).when(command).then(events)`,
 * `.thenThrows(code)` or `.thenNothingHappened()`. Uses jest's global `expect`.
 */
import type { Decider } from '../decider.js';
import { DomainError, type DomainErrorCode } from '../errors.js';

export interface DeciderSpec<C, E> {
  given(events: readonly E[]): {
    when(command: C): {
      then(expected: readonly E[]): void;
      thenThrows(code: DomainErrorCode): void;
      thenNothingHappened(): void;
    };
  };
}

export function deciderSpec<C, E, S>(decider: Decider<C, E, S>): DeciderSpec<C, E> {
  return {
    given: (events) => ({
      when: (command) => {
        const run = (): E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected) => expect(run()).toEqual(expected),
          thenThrows: (code) => {
            let caught: unknown;
            try {
              const produced = run();
              caught = new Error(`expected ${code}, but it decided ${JSON.stringify(produced)}`);
            } catch (error: unknown) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect((caught as DomainError).code).toBe(code);
          },
          thenNothingHappened: () => expect(run()).toEqual([]),
        };
      },
    }),
  };
}
