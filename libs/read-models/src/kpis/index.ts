/** Decision log SQL and KPIs (SPEC §10). */
export * from './period.js';
export * from './kpi-facts.projection.js';
export * from './kpi.compute.js';
export * from './kpi.schema.js';
export * from './kpi.store.js';
export * from './kpi.queries.js';
export * from './decision-log.queries.js';
export * from './kpi-csv.js';
