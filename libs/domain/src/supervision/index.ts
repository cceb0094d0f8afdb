/** Supervision and assessment (SPEC §10): events, deciders and their rules. */
export * from './supervision.events.js';
