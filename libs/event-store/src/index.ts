export * from './event-store.port.js';
export * from './position.js';
export * from './polling-subscription.js';
export * from './handle-command.js';
export * from './create-event-store.js';
export * from './postgres/index.js';
export * from './esdb/index.js';
