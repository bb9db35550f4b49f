/**
 * A character as a Foundry VTT actor of the dnd5e system (5.x data model, type "character"): what Foundry's
 * "Import Data" reads. Derived numbers (AC, maximum HP, speed, senses) are written as our rules computed them,
 * so the sheet in Foundry shows what ours shows even where Foundry would compute differently.
 */
import type { CharacterState } from '../character-state.js';
import { CLASSES, CONDITIONS, SKILLS, MAX_SPELL_LEVEL, type CharacterSheet, type Race, type SpendableResources } from '../rules/index.js';
import { biographyHtml } from './biography.js';
import { ABILITY_KEYS, alignmentLabel, SKILL_KEYS, title } from './foundry-keys.js';
import { foundryId } from './foundry-ids.js';
import { actorItems } from './export-items.js';

// The dnd5e version whose data model this export follows, for the actor's _stats (Foundry migrates older ones).
export const DND5E_SYSTEM_VERSION = '5.1.0';
// Foundry's skill proficiency multipliers: none, half (Jack of All Trades, Remarkable Athlete), proficient, expertise.
const HALF_PROFICIENT = 0.5;
const EXPERTISE = 2;
// SRD 5.1: gnomes and halflings are Small; every other SRD race is Medium.
const SMALL_RACES = new Set<Race>(['ROCK_GNOME', 'LIGHTFOOT_HALFLING']);

export interface ExportedCharacter {
  id: string;
  state: CharacterState;
  sheet: CharacterSheet;
  resources: SpendableResources;
}

function abilities({ sheet }: ExportedCharacter) {
  return Object.fromEntries(
    sheet.abilities.map((line) => [
      ABILITY_KEYS[line.ability],
      // The score before features that raise it past 20 (Primal Champion): Foundry applies those as effects.
      { value: line.baseScore + line.racialBonus + line.improvement, proficient: line.savingThrow.proficient ? 1 : 0 },
    ]),
  );
}

function skills({ sheet }: ExportedCharacter) {
  return Object.fromEntries(
    SKILLS.map((skill) => {
      const line = sheet.skills.find((s) => s.skill === skill)!;
      const plain = sheet.abilities.find((a) => a.ability === line.ability)!.modifier;
      const value = line.expertise ? EXPERTISE : line.proficient ? 1 : line.bonus > plain ? HALF_PROFICIENT : 0;
      return [SKILL_KEYS[skill], { value, ability: ABILITY_KEYS[line.ability] }];
    }),
  );
}

function spellSlots({ resources }: ExportedCharacter) {
  const slots: Record<string, { value: number; override: number | null }> = {};
  for (let level = 1; level <= MAX_SPELL_LEVEL; level++) {
    const line = resources.spellSlots.find((slot) => slot.level === level);
    slots[`spell${level}`] = { value: line?.remaining ?? 0, override: null };
  }
  slots.pact = { value: resources.pactSlots?.remaining ?? 0, override: null };
  return slots;
}

function senses({ sheet }: ExportedCharacter) {
  const darkvision = sheet.senses.find((sense) => sense.name === 'Darkvision')?.range ?? 0;
  const special = sheet.senses
    .filter((sense) => sense.name !== 'Darkvision')
    .map((sense) => `${sense.name} ${sense.range} ft`)
    .join('; ');
  // dnd5e 5.x keeps the ranges under senses.ranges (4.x had them on senses itself).
  return { ranges: { darkvision, blindsight: 0, tremorsense: 0, truesight: 0 }, units: 'ft', special };
}

/** Conditions as the active effects Foundry's token HUD toggles (one status each). */
function effects({ id, state }: ExportedCharacter) {
  return CONDITIONS.filter((condition) => state.conditions.includes(condition)).map((condition) => ({
    _id: foundryId(id, `status:${condition}`),
    name: title(condition),
    img: `systems/dnd5e/icons/svg/statuses/${condition.toLowerCase()}.svg`,
    statuses: [condition.toLowerCase()],
    disabled: false,
    changes: [],
  }));
}

/** The actor JSON of a stored character. */
export function foundryActor(character: ExportedCharacter): Record<string, unknown> {
  const { id, state, sheet, resources } = character;
  const items = actorItems(id, state, sheet, resources);
  const casting = CLASSES[state.characterClass].spellcasting;
  const itemId = (type: string) => items.find((item) => item.type === type)?._id ?? '';
  return {
    _id: foundryId(id, 'actor'),
    name: state.name,
    type: 'character',
    img: state.portraitImageId ? `/images/${state.portraitImageId}` : 'icons/svg/mystery-man.svg',
    system: {
      abilities: abilities(character),
      attributes: {
        ac: { calc: 'flat', flat: sheet.armorClass },
        hp: { value: state.currentHitPoints, max: sheet.maxHitPoints, temp: state.temporaryHitPoints, tempmax: 0 },
        init: { ability: 'dex', bonus: '' },
        movement: { walk: sheet.speed, burrow: 0, climb: 0, fly: 0, swim: 0, units: 'ft', hover: false },
        senses: senses(character),
        spellcasting: casting ? ABILITY_KEYS[casting.ability] : '',
        exhaustion: state.exhaustion,
        prof: sheet.proficiencyBonus,
        death: { success: 0, failure: 0 },
        inspiration: false,
      },
      details: {
        xp: { value: state.experience },
        alignment: state.alignment ? alignmentLabel(state.alignment) : '',
        race: itemId('race'),
        background: itemId('background'),
        originalClass: itemId('class'),
        biography: { value: biographyHtml(state.backstory), public: '' },
      },
      skills: skills(character),
      spells: spellSlots(character),
      traits: { size: SMALL_RACES.has(state.race) ? 'sm' : 'med' },
      currency: { pp: 0, gp: 0, ep: 0, sp: 0, cp: 0 },
    },
    items,
    effects: effects(character),
    flags: { 'dnd-tools': { characterId: id } },
    _stats: { systemId: 'dnd5e', systemVersion: DND5E_SYSTEM_VERSION },
  };
}
