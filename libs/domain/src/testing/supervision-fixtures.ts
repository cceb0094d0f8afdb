/**
 * Given/when/then for the supervision deciders (as `../testing/decider-spec.ts`), accepting the
 * supervision codes beside the shared ones. Uses jest's global `expect`; for specs only.
 */
import type { Decider } from '../decider.js';
import { DomainError, type DomainErrorCode } from '../errors.js';
import { SupervisionError, type SupervisionErrorCode } from '../supervision/supervision-errors.js';

export function supervisionSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given: (events: readonly E[]) => ({
      when: (command: C) => {
        const run = (): E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly E[]) => expect(run()).toEqual(expected),
          thenThrows: (code: DomainErrorCode | SupervisionErrorCode) => {
            let caught: unknown;
            try {
              caught = new Error(`expected ${code}, but it decided ${JSON.stringify(run())}`);
            } catch (error: unknown) {
              caught = error;
            }
            expect(caught instanceof DomainError || caught instanceof SupervisionError).toBe(true);
            expect((caught as DomainError | SupervisionError).code).toBe(code);
          },
        };
      },
    }),
  };
}
