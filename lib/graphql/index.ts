export * from './errors.js';
export { maskError } from './mask-error.js';
export * from './connection.js';
export { DateTimeScalar } from './date-time.js';
export { JSONScalar } from './json.js';
