export * from './dice-expression.js';
export * from './evaluate-roll.js';
export * from './fair-dice.js';
export * from './verify-roll.js';
