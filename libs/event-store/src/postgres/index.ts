export * from './postgres-event-store.js';
export * from './schema.js';
