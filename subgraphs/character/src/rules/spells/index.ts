/** SRD 5.1 spells: the table, class lists, counts by level, the rules of choosing them and the sheet's spell lines. */
export * from './spells.js';
export * from './class-spell-list.js';
export * from './subclass-spells.js';
export * from './spell-counts.js';
export * from './spell-choices.js';
export * from './character-spells.js';
