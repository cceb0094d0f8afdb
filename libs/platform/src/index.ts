export * from './config.js';
export * from './load-config.js';
export { canonicalJson } from '../../contracts/src/canonical-json.js';
export * from './catalogue-loader.js';
export * from './platform.module.js';
export * from './dev-secret.js';
export * from './run-worker.js';
export * from './start-failure.js';
export { redactUrl } from './redact-url.js';
