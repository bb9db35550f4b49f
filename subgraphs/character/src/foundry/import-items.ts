/**
 * Reads the embedded items of an uploaded dnd5e actor: the one class (and subclass), race, background, inventory,
 * spells and feat items. Anything we do not model is left out and noted with its path and the reason.
 */
import { invalidInput } from '#lib/domain/index.js';
import {
  CLASSES,
  FEATURE_USES,
  FIGHTING_STYLES,
  SPELLS,
  subclassFromText,
  type Ability,
  type AbilityScoreImprovement,
  type CharacterClass,
  type FightingStyle,
  type Race,
  type Subclass,
} from '../rules/index.js';
import { classOf, raceOf, slug, subclassOf } from './foundry-keys.js';
import { integer, list, number, object, text, type Json } from './json-reader.js';
import { MAX_ACTOR_ITEMS } from './actor-json-limits.js';
import { assignmentsOf, classAdvancement } from './import-class.js';
import { readInventoryItem, type InventoryInput } from './import-inventory.js';

export interface Note {
  path: string;
  reason: string;
}

export interface SpellRead {
  id: string;
  level: number;
  /** 0 unprepared, 1 prepared, 2 always prepared. */
  prepared: number;
  path: string;
}

export interface ItemsRead {
  characterClass: CharacterClass;
  levels: number;
  subclass: Subclass | null;
  race: Race;
  background: string | null;
  raceAssignments: Partial<Record<Ability, number>>;
  hitPointRolls: number[];
  hitDiceSpent: number;
  abilityScoreImprovements: AbilityScoreImprovement[];
  inventory: InventoryInput[];
  spells: SpellRead[];
  fightingStyles: FightingStyle[];
  featureUsesSpent: Record<string, number>;
  /** Feat items we did not place: checked against the features the rules give the character. */
  otherFeatures: Note[];
}

const refuse = (message: string, field: string, rule: string) => invalidInput(message, { field, rule });
const SPELL_BY_NAME = new Map(SPELLS.flatMap((spell) => [[spell.name.toLowerCase(), spell] as const, [slug(spell.id), spell] as const]));
const STYLE_BY_SLUG = new Map(FIGHTING_STYLES.map((style) => [slug(style), style]));
const USES_BY_KEY = new Map(
  FEATURE_USES.flatMap((rules) => [[slug(rules.feature), rules.feature] as const, [rules.name.toLowerCase(), rules.feature] as const]),
);
const INVENTORY_TYPES = new Set(['weapon', 'equipment', 'loot', 'consumable', 'tool', 'container', 'backpack']);

const identifierOf = (system: Json | undefined, name: string, path: string) => text(system?.identifier, `${path}.system.identifier`) || name;

function spellOf(item: Json, system: Json, path: string, notes: Note[]): SpellRead | null {
  const name = String(item.name);
  const spell = SPELL_BY_NAME.get(identifierOf(system, name, path).toLowerCase()) ?? SPELL_BY_NAME.get(name.toLowerCase());
  if (!spell) {
    notes.push({ path, reason: `spell "${name}" is not an SRD spell` });
    return null;
  }
  const legacy = object(system.preparation, `${path}.system.preparation`);
  const state = system.prepared ?? (legacy?.mode === 'always' ? 2 : legacy?.prepared);
  const prepared = typeof state === 'boolean' ? (state ? 1 : 0) : (integer(state, `${path}.system.prepared`, 0, 2, 'FOUNDRY_SPELL_PREPARATION') ?? 0);
  return { id: spell.id, level: spell.level, prepared, path };
}

function featOf(item: Json, system: Json, path: string, read: ItemsRead) {
  const name = String(item.name);
  const identifier = identifierOf(system, name, path).toLowerCase();
  const kind = object(system.type, `${path}.system.type`);
  const style =
    STYLE_BY_SLUG.get(identifier.replace(/^fighting-style-/, '')) ?? STYLE_BY_SLUG.get(slug(name.replace(/^fighting style:\s*/i, '').replace(/\s+/g, '_')));
  if (style && (kind?.subtype === 'fightingStyle' || identifier.startsWith('fighting-style-') || /^fighting style/i.test(name))) {
    read.fightingStyles.push(style);
    return;
  }
  if (kind?.value === 'feat') return; // Read with the Ability Score Improvement that took it.
  // Our own export names the limited-use feature in a flag; another tool's actor is matched by identifier or name.
  const flags = object(object(item.flags, `${path}.flags`)?.['dnd-tools'], `${path}.flags.dnd-tools`);
  const flagged = text(flags?.feature, `${path}.flags.dnd-tools.feature`);
  const feature = (flagged && USES_BY_KEY.get(slug(flagged))) || USES_BY_KEY.get(identifier) || USES_BY_KEY.get(name.toLowerCase());
  const uses = object(system.uses, `${path}.system.uses`);
  if (feature && uses) {
    const spent = integer(uses.spent, `${path}.system.uses.spent`, 0, 1000, 'FEATURE_USES_SPENT') ?? 0;
    if (spent > 0) read.featureUsesSpent[feature] = spent;
  }
  read.otherFeatures.push({ path, reason: name });
}

/** The items of an actor, read into what our character stores. */
export function readItems(items: unknown[], notes: Note[], legacy: { race?: string; background?: string } = {}): ItemsRead {
  if (items.length > MAX_ACTOR_ITEMS)
    throw refuse(`actor has ${items.length} items; at most ${MAX_ACTOR_ITEMS} are imported`, 'actor.items', 'FOUNDRY_TOO_MANY_ITEMS');
  const docs = items.map((item, index) => {
    const doc = object(item, `actor.items[${index}]`) ?? {};
    if (typeof doc.type !== 'string' || typeof doc.name !== 'string') {
      throw refuse(`actor.items[${index}] needs a string type and name`, `actor.items[${index}]`, 'FOUNDRY_FIELD_TYPE');
    }
    return doc;
  });
  const ofType = (type: string) => docs.flatMap((doc, index) => (doc.type === type ? [{ doc, path: `actor.items[${index}]` }] : []));
  const classes = ofType('class');
  if (classes.length === 0) throw refuse('actor has no class item: import a character with one class', 'actor.items', 'FOUNDRY_NO_CLASS');
  if (classes.length > 1) throw refuse(`actor has ${classes.length} classes; multiclass characters are not supported`, 'actor.items', 'FOUNDRY_MULTICLASS');
  const { doc: classDoc, path: classPath } = classes[0]!;
  const classSystem = object(classDoc.system, `${classPath}.system`) ?? {};
  const characterClass = classOf(identifierOf(classSystem, String(classDoc.name), classPath));
  if (!characterClass) {
    throw refuse(
      `class "${String(classDoc.name)}" is not one of the SRD's twelve classes (homebrew classes are not supported)`,
      classPath,
      'FOUNDRY_UNKNOWN_CLASS',
    );
  }
  const hitDie = CLASSES[characterClass].hitDie;
  const levels = integer(classSystem.levels, `${classPath}.system.levels`, 1, 20, 'FOUNDRY_CLASS_LEVELS') ?? 1;
  const hd = object(classSystem.hd, `${classPath}.system.hd`);
  const hitDiceSpent = integer(hd?.spent ?? classSystem.hitDiceUsed, `${classPath}.system.hd.spent`, 0, 20, 'HIT_DICE_SPENT') ?? 0;

  const raceDoc = ofType('race')[0];
  // Older dnd5e actors (before race items) name the race and background as text in system.details.
  const raceName = raceDoc ? String(raceDoc.doc.name) : (legacy.race ?? '');
  const race = raceDoc ? raceOf(identifierOf(object(raceDoc.doc.system, `${raceDoc.path}.system`), raceName, raceDoc.path)) : raceOf(raceName);
  if (!race) {
    throw refuse(
      `actor has ${raceName ? `race "${raceName.slice(0, 40)}"` : 'no race'}: import one of the SRD races (hill-dwarf, high-elf, human...)`,
      raceDoc?.path ?? 'actor.items',
      'FOUNDRY_UNKNOWN_RACE',
    );
  }
  const racePath = raceDoc?.path ?? 'actor.system.details.race';
  const raceAdvancement = (list(object(raceDoc?.doc.system, racePath)?.advancement, `${racePath}.system.advancement`) ?? [])
    .map((entry, index) => object(entry, `${racePath}.system.advancement[${index}]`) ?? {})
    .find((entry) => entry.type === 'AbilityScoreImprovement');
  const raceAssignments = assignmentsOf(object(raceAdvancement?.value, `${racePath}.system.advancement`)?.assignments, `${racePath}.system.advancement`);

  const subclassDoc = ofType('subclass')[0];
  let subclass: Subclass | null = null;
  if (subclassDoc) {
    const name = String(subclassDoc.doc.name);
    subclass = subclassOf(identifierOf(object(subclassDoc.doc.system, subclassDoc.path), name, subclassDoc.path)) ?? subclassFromText(name, characterClass);
    if (!subclass) notes.push({ path: subclassDoc.path, reason: `subclass "${name}" is not the SRD subclass of the class (homebrew): left out` });
  }
  const background = (ofType('background')[0]?.doc.name as string | undefined) ?? legacy.background;

  const read: ItemsRead = {
    characterClass,
    levels,
    subclass,
    race,
    background: background ?? null,
    raceAssignments,
    ...classAdvancement(classSystem, classPath, hitDie, docs, notes),
    hitDiceSpent,
    inventory: [],
    spells: [],
    fightingStyles: [],
    featureUsesSpent: {},
    otherFeatures: [],
  };
  docs.forEach((doc, index) => {
    const path = `actor.items[${index}]`;
    const system = object(doc.system, `${path}.system`) ?? {};
    if (INVENTORY_TYPES.has(doc.type as string)) {
      const item = readInventoryItem(doc, system, path, notes);
      if (item) read.inventory.push(item);
    } else if (doc.type === 'spell') {
      const spell = spellOf(doc, system, path, notes);
      if (spell) read.spells.push(spell);
    } else if (doc.type === 'feat') featOf(doc, system, path, read);
    else if (!['class', 'subclass', 'race', 'background'].includes(doc.type as string)) {
      notes.push({ path, reason: `${String(doc.type)} item "${String(doc.name)}" is not modelled` });
    }
  });
  if (ofType('subclass').length > 1) notes.push({ path: 'actor.items', reason: 'more than one subclass item: only the first is read' });
  if (number(classSystem.levels, `${classPath}.system.levels`) === undefined)
    notes.push({ path: `${classPath}.system.levels`, reason: 'no class levels: level 1 assumed' });
  return read;
}
