export * from './errors.js';
export { maskError } from './mask-error.js';
export * from './connection.js';
export { DateTimeScalar } from './date-time.js';
export { JSONScalar } from './json.js';
export { IDEMPOTENCY_HEADER, idempotencyKeyOf } from './idempotency-key.js';
export { selectsField } from './selects-field.js';
