// Text limits: generous for play, bounded so one request cannot store megabytes in a row.
export const MAX_NAME_LENGTH = 100;
export const MAX_LABEL_LENGTH = 100;
export const MAX_BACKSTORY_LENGTH = 20_000;
export const MAX_REASON_LENGTH = 500;
// 200 inventory lines: more than any sheet carries; the whole list is rewritten with the row.
export const MAX_INVENTORY_ITEMS = 200;
export const MAX_ITEM_QUANTITY = 100_000;
// 100,000 lb: beyond any carryable load, it only rejects typos and overflow.
export const MAX_ITEM_WEIGHT = 100_000;
// Far beyond level 20 (355,000 XP) yet keeps experience + an award inside the 32-bit column.
export const MAX_EXPERIENCE = 100_000_000;
// One award above 1,000,000 XP is a typo: it is almost three times the way from level 1 to 20.
export const MAX_EXPERIENCE_AWARD = 1_000_000;
// Temporary hit points come from spells and features; nothing in the SRD grants anywhere near 1,000.
export const MAX_TEMPORARY_HIT_POINTS = 1_000;
