/** The 5e rules of the character subgraph: SRD 5.1 tables and the functions that apply them. */
export * from './abilities.js';
export * from './skills.js';
export * from './classes.js';
export * from './races.js';
export * from './progression.js';
export * from './spell-slots.js';
export * from './armor.js';
export * from './hit-points.js';
export * from './ability-scores.js';
export * from './character-sheet.js';
export * from './alignments.js';
export * from './advancement-choices.js';
export * from './spells/index.js';
