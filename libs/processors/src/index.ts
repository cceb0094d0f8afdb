export * from './processor.js';
export * from './host.js';
export * from './checkpoints.js';
export * from './wait-for-position.js';
export * from './processor-host.module.js';
