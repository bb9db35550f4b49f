import { describe, expect, it } from 'vitest';
import { isDomainError } from '#lib/domain/index.js';
import { NEW_CHARACTER_DEFAULTS, sheetOfState, type CharacterState } from '../character-state.js';
import { resourcesOf } from '../mutations/play-command.js';
import { MAX_ACTOR_DEPTH, MAX_ACTOR_ITEMS, MAX_ACTOR_JSON_CHARS } from './actor-json-limits.js';
import { biographyHtml, biographyText } from './biography.js';
import { foundryActor } from './export-actor.js';
import { importActor } from './import-actor.js';

const fighter: CharacterState = {
  ...structuredClone(NEW_CHARACTER_DEFAULTS),
  name: 'Bruenor',
  race: 'HILL_DWARF',
  characterClass: 'FIGHTER',
  subclass: 'CHAMPION',
  background: 'Soldier',
  alignment: 'LAWFUL_GOOD',
  baseScores: { STRENGTH: 15, DEXTERITY: 12, CONSTITUTION: 14, INTELLIGENCE: 10, WISDOM: 12, CHARISMA: 8 },
  abilityBonusChoices: [],
  experience: 6500,
  hitPointRolls: [],
  currentHitPoints: 49,
  temporaryHitPoints: 0,
  skillProficiencies: ['ATHLETICS', 'PERCEPTION'],
  inventory: [{ name: 'Longsword', quantity: 1, weight: 3, equipped: true, armor: null, weapon: 'LONGSWORD' }],
  fightingStyles: ['DEFENSE'],
  backstory: null,
  portraitImageId: null,
};

// Loose on purpose: the refusal tests edit the exported actor at any depth into shapes no fixed type allows.
type Actor = Record<string, any>;
const exported = (): Actor => {
  const sheet = sheetOfState(fighter);
  return foundryActor({ id: '00000000-0000-4000-8000-000000000001', state: fighter, sheet, resources: resourcesOf(fighter, sheet) });
};

/** The refusal importActor throws: its code and rule. */
function refusal(actor: unknown): { code: unknown; rule: unknown; message: string } {
  try {
    importActor(actor);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.kind, rule: error.details.rule, message: error.message };
  }
  throw new Error('importActor accepted the actor');
}

describe('biography', () => {
  it.each(['plain', 'two\n\nparagraphs\nand a break', 'a\n\n\n\nwide gap', '<script>alert(1)</script> & "quotes"', 'trailing\n\n'])(
    'reads back exactly the text it wrote: %j',
    (text) => expect(biographyText(biographyHtml(text), 'bio').text).toBe(text),
  );

  it('keeps the text of simple formatting and says so', () => {
    expect(biographyText('<h2>Youth</h2><p>A <strong>bold</strong> start</p>', 'bio')).toEqual({ text: 'Youth\n\nA bold start', droppedFormatting: true });
  });

  it.each([
    '<p>hi</p><script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<p onclick="x()">hi</p>',
    '<a href="javascript:x">x</a>',
    '<iframe src="//evil">',
  ])('refuses markup that could run in a reader’s page: %s', (html) => {
    expect(() => biographyText(html, 'bio')).toThrow(expect.objectContaining({ details: expect.objectContaining({ rule: 'FOUNDRY_BIOGRAPHY_MARKUP' }) }));
  });
});

describe('importActor refuses hostile or foreign actors, naming the rule', () => {
  const withBiography = () => {
    const actor = exported();
    actor.system.details.biography.value = '<p>Once</p><script>fetch("//x")</script>';
    return actor;
  };
  const deep = () => {
    const actor = exported();
    let node: Actor = actor.flags;
    for (let i = 0; i < MAX_ACTOR_DEPTH + 5; i++) node = node.next = {};
    return actor;
  };
  const withKey = (key: string) => {
    const actor = exported();
    actor.system.abilities.str = JSON.parse(`{"value": 15, "${key}": {"isAdmin": true}}`);
    return actor;
  };
  const cases: [string, () => unknown, string][] = [
    ['not an object', () => [1, 2], 'FOUNDRY_ACTOR_SHAPE'],
    ['an NPC', () => ({ ...exported(), type: 'npc' }), 'FOUNDRY_ACTOR_TYPE'],
    ['over the size limit', () => ({ ...exported(), flags: { padding: 'x'.repeat(MAX_ACTOR_JSON_CHARS) } }), 'FOUNDRY_ACTOR_TOO_LARGE'],
    ['nested too deep', deep, 'FOUNDRY_ACTOR_TOO_DEEP'],
    ['a __proto__ key', () => withKey('__proto__'), 'FOUNDRY_FORBIDDEN_KEY'],
    ['a constructor key', () => withKey('constructor'), 'FOUNDRY_FORBIDDEN_KEY'],
    [
      'too many items',
      () => ({
        ...exported(),
        items: [...exported().items, ...Array.from({ length: MAX_ACTOR_ITEMS }, (_, i) => ({ name: `Rock ${i}`, type: 'loot', system: {} }))],
      }),
      'FOUNDRY_TOO_MANY_ITEMS',
    ],
    ['no class', () => ({ ...exported(), items: exported().items.filter((item: Actor) => item.type !== 'class') }), 'FOUNDRY_NO_CLASS'],
    [
      'a homebrew class',
      () => ({
        ...exported(),
        items: exported().items.map((item: Actor) =>
          item.type === 'class' ? { ...item, name: 'Blood Hunter', system: { ...item.system, identifier: 'blood-hunter' } } : item,
        ),
      }),
      'FOUNDRY_UNKNOWN_CLASS',
    ],
    [
      'two classes',
      () => ({
        ...exported(),
        items: [...exported().items, { ...exported().items[0], _id: 'x', name: 'Wizard', system: { identifier: 'wizard', levels: 1 } }],
      }),
      'FOUNDRY_MULTICLASS',
    ],
    [
      'a homebrew race',
      () => ({
        ...exported(),
        items: exported().items.map((item: Actor) => (item.type === 'race' ? { ...item, name: 'Warforged', system: { identifier: 'warforged' } } : item)),
      }),
      'FOUNDRY_UNKNOWN_RACE',
    ],
    [
      'a score of 99',
      () => {
        const actor = exported();
        actor.system.abilities.str.value = 99;
        return actor;
      },
      'FOUNDRY_ABILITY_SCORE',
    ],
    [
      'a score as an object',
      () => {
        const actor = exported();
        actor.system.abilities.dex.value = { $gt: 0 };
        return actor;
      },
      'FOUNDRY_FIELD_TYPE',
    ],
    [
      'experience as a list',
      () => {
        const actor = exported();
        actor.system.details.xp.value = [1];
        return actor;
      },
      'FOUNDRY_FIELD_TYPE',
    ],
    ['items as an object', () => ({ ...exported(), items: { 0: {} } }), 'FOUNDRY_FIELD_TYPE'],
    [
      'exhaustion 9',
      () => {
        const actor = exported();
        actor.system.attributes.exhaustion = 9;
        return actor;
      },
      'EXHAUSTION_OUT_OF_RANGE',
    ],
    ['script in the biography', withBiography, 'FOUNDRY_BIOGRAPHY_MARKUP'],
    ['a 5,000-character name', () => ({ ...exported(), name: 'A'.repeat(5000) }), 'TEXT_TOO_LONG'],
    ['a blank name', () => ({ ...exported(), name: '   ' }), 'TEXT_REQUIRED'],
  ];
  it.each(cases)('%s', (_what, actor, rule) => {
    expect(refusal(actor())).toMatchObject({ code: 'INVALID_INPUT', rule });
  });

  it('leaves Object.prototype alone whatever the keys', () => {
    refusal(withKey('__proto__'));
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('importActor reads what it can and notes the rest', () => {
  it('notes a homebrew subclass, an unknown spell and item, and keeps the rest', () => {
    const actor = exported();
    actor.items = actor.items.map((item: Actor) =>
      item.type === 'subclass' ? { ...item, name: 'Echo Knight', system: { identifier: 'echo-knight', classIdentifier: 'fighter' } } : item,
    );
    actor.items.push({ name: 'Tasha’s Mind Whip', type: 'spell', system: { level: 2 } }, { name: 'Bastion', type: 'facility', system: {} });
    actor.system.currency = { gp: 15 };
    const { state, notes } = importActor(actor);
    expect(state).toMatchObject({ name: 'Bruenor', characterClass: 'FIGHTER', subclass: null, fightingStyles: ['DEFENSE'] });
    expect(notes.map((note) => note.path)).toEqual(expect.arrayContaining(['actor.system.currency']));
    expect(notes.map((note) => note.reason).join('\n')).toMatch(/Echo Knight[\s\S]*Mind Whip[\s\S]*facility/);
  });

  it('reads the older dnd5e class field hitDiceUsed as spent hit dice', () => {
    const actor = exported();
    const klass = actor.items.find((item: Actor) => item.type === 'class');
    delete klass.system.hd;
    klass.system.hitDiceUsed = 2;
    expect(importActor(actor).state.hitDiceSpent).toBe(2);
  });

  it('reads a race and background named as text in details, as dnd5e actors did before race items', () => {
    const actor = exported();
    actor.items = actor.items.filter((item: Actor) => item.type !== 'race' && item.type !== 'background');
    actor.system.details.race = 'Hill Dwarf';
    actor.system.details.background = 'Sailor';
    expect(importActor(actor).state).toMatchObject({ race: 'HILL_DWARF', background: 'Sailor' });
  });
});
