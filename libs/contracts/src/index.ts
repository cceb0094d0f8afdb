export * from './notice-types.js';
export type * from './notice-data.js';
export * from './notice-schemas.js';
export { canonicalJson } from './canonical-json.js';
