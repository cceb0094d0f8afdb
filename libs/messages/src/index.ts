export * from './languages.js';
export * from './messages.js';
export type { MessageKey, Messages } from './en.js';
