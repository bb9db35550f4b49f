import { invalidInput } from '#lib/domain/index.js';
import type { CharacterState } from '../character-state.js';
import { spellChoiceProblem, type CharacterSheet } from '../rules/index.js';

/**
 * Refuses spell choices the rules do not allow, naming the rule (extensions.rule). The whole state is checked, so
 * a change of level, class, subclass or spellcasting ability that makes the stored spells illegal is refused too:
 * the player changes the spells in the same update.
 */
export function checkSpellChoices(state: CharacterState, sheet: CharacterSheet): void {
  const found = spellChoiceProblem(
    { characterClass: state.characterClass, subclass: state.subclass, level: sheet.level, scores: sheet.scores },
    { cantrips: state.cantrips, spellsKnown: state.spellsKnown, preparedSpells: state.preparedSpells, spellbook: state.spellbook },
  );
  if (found) throw invalidInput(found.message, { field: found.field, rule: found.rule });
}
