/**
 * Bounds for waits in tests, sized for a loaded machine (load average 12–18 on 2 cores), where
 * starting an app and seeding it takes well over 30 s. Every wait polls and returns as soon as its
 * condition holds: a quiet machine is not slowed, a slow one makes the suite slower, not red.
 */

/** beforeAll/afterAll hooks (and whole tests) that start an app, a Nest context or seed data. */
export const HOOK_TIMEOUT_MS = 180_000;

/** The outer bound of a polling loop ("until the projector/cascade/scheduler has done it"). */
export const WAIT_BOUND_MS = 60_000;

/**
 * A whole test that visits many pages one after another (the browser suites' "photographs every
 * page in both languages"): each visit waits on its own readiness, this only bounds their sum.
 */
export const PAGE_TOUR_TIMEOUT_MS = 900_000;
