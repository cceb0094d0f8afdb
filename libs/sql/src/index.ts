export * from './sql-client.port.js';
export * from './pg-client.js';
export * from './pglite-client.js';
export * from './open-sql-client.js';
export * from './store-unavailable.js';
export * from './ensure-schema.js';
