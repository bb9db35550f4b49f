/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The six abilities. */
export type Ability =
  /** Charisma. */
  | 'CHARISMA'
  /** Constitution. */
  | 'CONSTITUTION'
  /** Dexterity. */
  | 'DEXTERITY'
  /** Intelligence. */
  | 'INTELLIGENCE'
  /** Strength. */
  | 'STRENGTH'
  /** Wisdom. */
  | 'WISDOM';

/** An increase of one ability. */
export type AbilityIncreaseInput = {
  /** The ability. */
  ability: Ability;
  /** By how much: 2 for one ability, 1 each for two. */
  amount: number;
};

/** An Ability Score Improvement: +2 to one ability, +1 to two, or a feat instead (SRD 5.1). Scores cannot go above 20 through it. */
export type AbilityScoreImprovementInput = {
  /** A feat instead of the increases. */
  feat?: Feat | null | undefined;
  /** The increases: one ability +2 or two abilities +1 each; empty or absent when feat is set. */
  increases?: Array<AbilityIncreaseInput> | null | undefined;
  /** The class level it is taken at: one of the class's ASI levels, at most the character's level, each once. */
  level: number;
};

/** Base ability scores, 1 to 30 each, before racial increases (the final scores must stay within 1 to 30 too). */
export type AbilityScoresInput = {
  /** Charisma. */
  charisma: number;
  /** Constitution. */
  constitution: number;
  /** Dexterity. */
  dexterity: number;
  /** Intelligence. */
  intelligence: number;
  /** Strength. */
  strength: number;
  /** Wisdom. */
  wisdom: number;
};

/** The nine alignments. */
export type Alignment =
  /** Chaotic evil. */
  | 'CHAOTIC_EVIL'
  /** Chaotic good. */
  | 'CHAOTIC_GOOD'
  /** Chaotic neutral. */
  | 'CHAOTIC_NEUTRAL'
  /** Lawful evil. */
  | 'LAWFUL_EVIL'
  /** Lawful good. */
  | 'LAWFUL_GOOD'
  /** Lawful neutral. */
  | 'LAWFUL_NEUTRAL'
  /** Neutral. */
  | 'NEUTRAL'
  /** Neutral evil. */
  | 'NEUTRAL_EVIL'
  /** Neutral good. */
  | 'NEUTRAL_GOOD';

/** Armour categories. */
export type ArmorCategory =
  /** Heavy armour: no DEX modifier. */
  | 'HEAVY'
  /** Light armour: full DEX modifier. */
  | 'LIGHT'
  /** Medium armour: DEX modifier up to +2. */
  | 'MEDIUM'
  /** Shield: +2 on top of the rest. */
  | 'SHIELD';

/** SRD 5.1 armour and the shield. */
export type ArmorType =
  /** Breastplate (medium, AC 14 + DEX max 2). */
  | 'BREASTPLATE'
  /** Chain mail (heavy, AC 16, STR 13, stealth disadvantage). */
  | 'CHAIN_MAIL'
  /** Chain shirt (medium, AC 13 + DEX max 2). */
  | 'CHAIN_SHIRT'
  /** Half plate (medium, AC 15 + DEX max 2, stealth disadvantage). */
  | 'HALF_PLATE'
  /** Hide (medium, AC 12 + DEX max 2). */
  | 'HIDE'
  /** Leather (light, AC 11 + DEX). */
  | 'LEATHER'
  /** Padded (light, AC 11 + DEX, stealth disadvantage). */
  | 'PADDED'
  /** Plate (heavy, AC 18, STR 15, stealth disadvantage). */
  | 'PLATE'
  /** Ring mail (heavy, AC 14, stealth disadvantage). */
  | 'RING_MAIL'
  /** Scale mail (medium, AC 14 + DEX max 2, stealth disadvantage). */
  | 'SCALE_MAIL'
  /** Shield (+2 AC). */
  | 'SHIELD'
  /** Splint (heavy, AC 17, STR 15, stealth disadvantage). */
  | 'SPLINT'
  /** Studded leather (light, AC 12 + DEX). */
  | 'STUDDED_LEATHER';

/** An award of experience. */
export type AwardExperienceInput = {
  /** Experience points, at least 1. */
  amount: number;
  /** The character receiving it. */
  characterId: string | number;
  /** Why (the encounter, the milestone), for the table's records. */
  reason?: string | null | undefined;
};

/** Where a user stands in a campaign's membership. */
export type CampaignMemberStatus =
  /** Joined: sees the campaign's PARTY content and may bring characters into the party. */
  | 'ACTIVE'
  /** Invited by the dungeon master, not yet joined. */
  | 'INVITED';

/** The part a user plays in a campaign. */
export type CampaignRole =
  /** The dungeon master who runs the campaign and alone may change it. */
  | 'DM'
  /** A player, invited by the dungeon master. */
  | 'PLAYER';

/** Whether a campaign is still being played. */
export type CampaignStatus =
  /** Being played: players can join, characters can enter the party, sessions can be scheduled. */
  | 'ACTIVE'
  /** Finished or shelved: its party has been released, so those characters can join another campaign. */
  | 'ARCHIVED';

/** The twelve SRD 5.1 classes. */
export type CharacterClass =
  /** Barbarian (d12). */
  | 'BARBARIAN'
  /** Bard (d8, full caster, Charisma). */
  | 'BARD'
  /** Cleric (d8, full caster, Wisdom). */
  | 'CLERIC'
  /** Druid (d8, full caster, Wisdom). */
  | 'DRUID'
  /** Fighter (d10). */
  | 'FIGHTER'
  /** Monk (d8). */
  | 'MONK'
  /** Paladin (d10, half caster from level 2, Charisma). */
  | 'PALADIN'
  /** Ranger (d10, half caster from level 2, Wisdom). */
  | 'RANGER'
  /** Rogue (d8). */
  | 'ROGUE'
  /** Sorcerer (d6, full caster, Charisma). */
  | 'SORCERER'
  /** Warlock (d8, Pact Magic, Charisma). */
  | 'WARLOCK'
  /** Wizard (d6, full caster, Intelligence). */
  | 'WIZARD';

/** Where a spell on a sheet comes from. */
export type CharacterSpellSource =
  /** A cantrip known. */
  | 'CANTRIP'
  /** A spell known (bard, ranger, sorcerer, warlock). */
  | 'KNOWN'
  /** A spell prepared today (cleric, druid, paladin). */
  | 'PREPARED'
  /** A spell in the wizard's spellbook (prepared says whether it is prepared today). */
  | 'SPELLBOOK'
  /** A subclass spell, always prepared (Life Domain, Oath of Devotion). */
  | 'SUBCLASS';

/** SRD 5.1 conditions (exhaustion is a level of its own: Character.exhaustion). */
export type Condition =
  /** Cannot see: fails checks that need sight; its attacks have disadvantage, attacks against it advantage. */
  | 'BLINDED'
  /** Cannot attack or harm the charmer; the charmer has advantage on social checks against it. */
  | 'CHARMED'
  /** Cannot hear: fails checks that need hearing. */
  | 'DEAFENED'
  /** Disadvantage on checks and attacks while the source of fear is in sight; cannot move closer to it. */
  | 'FRIGHTENED'
  /** Speed 0. */
  | 'GRAPPLED'
  /** No actions or reactions. */
  | 'INCAPACITATED'
  /** Unseen: its attacks have advantage, attacks against it disadvantage. */
  | 'INVISIBLE'
  /** Incapacitated, cannot move or speak; fails STR and DEX saves; attacks against it have advantage. */
  | 'PARALYZED'
  /** Turned to stone: incapacitated, cannot move; fails STR and DEX saves; resistant to all damage. */
  | 'PETRIFIED'
  /** Disadvantage on attack rolls and ability checks. */
  | 'POISONED'
  /** Crawls only; its attacks have disadvantage; attacks against it advantage within 5 feet, disadvantage beyond. */
  | 'PRONE'
  /** Speed 0; its attacks and DEX saves have disadvantage, attacks against it advantage. */
  | 'RESTRAINED'
  /** Incapacitated, cannot move; fails STR and DEX saves; attacks against it have advantage. */
  | 'STUNNED'
  /** Incapacitated and prone, cannot move; fails STR and DEX saves; attacks against it have advantage. */
  | 'UNCONSCIOUS';

/** A new campaign; the caller becomes its dungeon master. */
export type CreateCampaignInput = {
  /** Up to 10 000 characters. */
  description?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** The world it is played in, up to 2 000 characters. */
  setting?: string | null | undefined;
};

/** A new character. */
export type CreateCharacterInput = {
  /** Abilities for a race's chosen increases: exactly two, not Charisma, for a half-elf; none for other races. */
  abilityBonusChoices?: Array<Ability> | null | undefined;
  /** Ability Score Improvements at the class's levels (4, 8, 12, 16, 19; fighter also 6 and 14, rogue also 10) up to the character's level. */
  abilityScoreImprovements?: Array<AbilityScoreImprovementInput> | null | undefined;
  /** Base ability scores (racial increases are added by the rules). */
  abilityScores: AbilityScoresInput;
  /** Alignment. */
  alignment?: Alignment | null | undefined;
  /** Background, free text. */
  background?: string | null | undefined;
  /** Backstory, up to 20000 characters. */
  backstory?: string | null | undefined;
  /** Cantrips known, by spell id (Query.spells), at most spellLimits.cantrips, from the class list. */
  cantrips?: Array<string> | null | undefined;
  /** Class. */
  class: CharacterClass;
  /** Experience points, at least 0; default 0. */
  experience?: number | null | undefined;
  /** Skills whose proficiency bonus is doubled: rogue 2 at level 1 and 2 more at 6, bard 2 at 3 and 2 more at 10; only proficient skills. */
  expertise?: Array<Skill> | null | undefined;
  /** Fighting styles: fighter 1 at level 1 (a second at 10 for a Champion), paladin and ranger 1 at level 2, from the class's list; no duplicates. */
  fightingStyles?: Array<FightingStyle> | null | undefined;
  /** Hit die rolls for levels 2, 3, ... (each 1 to the hit die); levels without one use the fixed average. */
  hitPointRolls?: Array<number> | null | undefined;
  /** Carried items. */
  inventory?: Array<InventoryItemInput> | null | undefined;
  /** Name, 1 to 100 characters. */
  name: string;
  /** Id of an existing portrait Image. */
  portraitImageId?: string | number | null | undefined;
  /** Spells prepared today (cleric, druid, paladin, wizard from its spellbook), by spell id, at most spellLimits.preparedSpells. */
  preparedSpells?: Array<string> | null | undefined;
  /** Race. */
  race: Race;
  /** Skill proficiencies the player chooses, no duplicates: they must fit the class's list and count, a custom background's two and a half-elf's two (see Character.skillChoices); automatically granted skills are not repeated here. */
  skillProficiencies?: Array<Skill> | null | undefined;
  /** The wizard's spellbook, by spell id: wizard spells of a level the character has slots of (spellLimits.spellbookMinimum come free; more may be copied). */
  spellbook?: Array<string> | null | undefined;
  /** Spells known (bard, ranger, sorcerer, warlock), by spell id, at most spellLimits.spellsKnown, of a level the character has slots of. */
  spellsKnown?: Array<string> | null | undefined;
  /** SRD subclass: of the character's class, at or above the class's subclass level. */
  subclass?: Subclass | null | undefined;
};

/** A new location. */
export type CreateLocationInput = {
  /** The campaign. */
  campaignId: string | number;
  /** Up to 10 000 characters. */
  description?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** Who may see it; DM_ONLY when omitted, so that secrets stay secret unless the dungeon master says otherwise. */
  visibility?: Visibility | null | undefined;
};

/** A new non-player character. */
export type CreateNpcInput = {
  /** The campaign. */
  campaignId: string | number;
  /** Up to 10 000 characters. */
  description?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** Who may see it; DM_ONLY when omitted, so that secrets stay secret unless the dungeon master says otherwise. */
  visibility?: Visibility | null | undefined;
};

/** A new quest. */
export type CreateQuestInput = {
  /** The campaign. */
  campaignId: string | number;
  /** Up to 10 000 characters. */
  description?: string | null | undefined;
  /** 1 to 100 characters. */
  title: string;
  /** Who may see it; DM_ONLY when omitted, so that secrets stay secret unless the dungeon master says otherwise. */
  visibility?: Visibility | null | undefined;
};

/** A damage type dealt by weapons. */
export type DamageType =
  /** Blunt force: clubs, hammers, unarmed strikes. */
  | 'BLUDGEONING'
  /** Puncturing: spears, arrows, bolts. */
  | 'PIERCING'
  /** Cutting: swords, axes. */
  | 'SLASHING';

/** The SRD 5.1 feats, taken instead of an Ability Score Improvement. */
export type Feat =
  /** Grappler (prerequisite Strength 13): advantage on attacks against a creature you are grappling; can pin it. */
  | 'GRAPPLER';

/** Where a feature comes from. */
export type FeatureSource =
  /** The character's class. */
  | 'CLASS'
  /** The character's race or subrace (a racial trait). */
  | 'RACE'
  /** The character's subclass. */
  | 'SUBCLASS';

/** The SRD 5.1 fighting styles. */
export type FightingStyle =
  /** Archery: +2 to attack rolls with ranged weapons. */
  | 'ARCHERY'
  /** Defense: +1 AC while wearing armour. */
  | 'DEFENSE'
  /** Dueling: +2 damage with a one-handed melee weapon and no other weapon. */
  | 'DUELING'
  /** Great Weapon Fighting: reroll 1s and 2s on damage dice of two-handed or versatile melee weapons held in two hands. */
  | 'GREAT_WEAPON_FIGHTING'
  /** Protection: impose disadvantage on an attack against a nearby ally (needs a shield). */
  | 'PROTECTION'
  /** Two-Weapon Fighting: add the ability modifier to the damage of the second attack. */
  | 'TWO_WEAPON_FIGHTING';

/** Whether a game session is still ahead or has been played. */
export type GameSessionStatus =
  /** Played and recorded; its experience has been awarded. */
  | 'PLAYED'
  /** Planned, not yet played. */
  | 'SCHEDULED';

/** What generatePortrait draws. */
export type GeneratePortraitInput = {
  /** Your character. */
  characterId: string | number;
  /** Your own words added to the character's description (at most llm_service.max_prompt_chars with it). */
  prompt?: string | null | undefined;
  /** Same seed and same prompt give the same picture where the provider allows it (always for local). */
  seed?: number | null | undefined;
};

/** Input of generateText. */
export type GenerateTextInput = {
  /** Who and where the text is about; every field optional, but the more given the more specific the text. */
  context?: GenerationContextInput | null | undefined;
  /** What to write; FREEFORM by default. */
  kind?: GenerationKind | null | undefined;
  /** Upper bound on the generated text in tokens, 1 to llm_service.max_tokens (default 400: about a page, enough for a backstory). */
  maxTokens?: number | null | undefined;
  /** A model of that provider; the provider's configured model when absent. */
  model?: string | null | undefined;
  /** The caller's request in their own words, 1-4000 characters. Required for FREEFORM, optional otherwise (it refines the text). */
  prompt?: string | null | undefined;
  /** A provider by its name in hub.yaml; the first text provider configured when absent. Its fallbacks still apply. */
  provider?: string | null | undefined;
  /**
   * Same seed and same input give the same text. When absent, the seed is derived from a hash of the input
   * (kind, prompt, context, maxTokens), so identical requests are reproducible; the seed used is returned.
   */
  seed?: number | null | undefined;
};

/** What a generation is about: a character and/or a campaign. Names up to 100 characters, setting up to 2000. */
export type GenerationContextInput = {
  /** The character's alignment, e.g. "lawful good" or "LG". */
  alignment?: string | null | undefined;
  /** The character's background, e.g. "folk hero". */
  background?: string | null | undefined;
  /** The campaign the text belongs to (a Campaign id). */
  campaignId?: string | number | null | undefined;
  /** The campaign's name. */
  campaignName?: string | null | undefined;
  /** The character's class, e.g. "fighter". */
  characterClass?: string | null | undefined;
  /** The character the text is about (a Character id); Character.generations lists it there. */
  characterId?: string | number | null | undefined;
  /** The character's name. */
  characterName?: string | null | undefined;
  /** The character's race, e.g. "dwarf" or "hill dwarf". */
  race?: string | null | undefined;
  /** The campaign's setting in prose: world, region, tone (up to 2000 characters). */
  setting?: string | null | undefined;
};

/** What a generation is for: it picks the provider's instructions (and, for `local`, its grammar). */
export type GenerationKind =
  /** A character's backstory in several paragraphs (uses name, race, class, background, alignment). */
  | 'BACKSTORY'
  /** Anything else: answers the prompt. */
  | 'FREEFORM'
  /** A place to visit, as read-aloud prose: sights, sounds, residents, finds and dangers. */
  | 'LOCATION_DESCRIPTION'
  /** A non-player character: looks, manner, wants, secret and a line of speech. */
  | 'NPC_DESCRIPTION'
  /** Three to five numbered adventure hooks for a campaign (uses campaign name and setting). */
  | 'PLOT_HOOK';

/** Where a generation stands. */
export type GenerationStatus =
  /** Stopped by cancelGeneration or by the client going away; text holds what arrived before. */
  | 'CANCELLED'
  /** The provider answered; text or images hold its answer. */
  | 'COMPLETED'
  /** Every provider tried failed; error says why. Usage of what was streamed is still counted. */
  | 'FAILED'
  /** Being generated (a stream in progress, or a batch item that has started). */
  | 'RUNNING';

/** What happened in a streamed generation. */
export type GenerationStreamEventType =
  /** The generation was cancelled; generation holds what arrived before. */
  | 'CANCELLED'
  /** The provider finished; generation holds the text and the usage. */
  | 'COMPLETED'
  /** More text arrived: delta holds it. */
  | 'DELTA'
  /** Every provider failed; generation.error says why. */
  | 'FAILED'
  /** The generation has an id and is running. */
  | 'STARTED';

/** Narrows a list of images; fields left out do not filter. */
export type ImageFilter = {
  /** Only images of this campaign. */
  campaignId?: string | number | null | undefined;
  /** Only images of this kind. */
  kind?: ImageKind | null | undefined;
  /** Only images owned by this user. */
  ownerId?: string | number | null | undefined;
};

/** What an image is used for on the platform. */
export type ImageKind =
  /** A battle or world map. */
  | 'MAP'
  /** A character's portrait. */
  | 'PORTRAIT'
  /** A scene illustration for a session or location. */
  | 'SCENE'
  /** A small token for a grid or virtual tabletop. */
  | 'TOKEN';

/** A Foundry VTT actor to import. */
export type ImportFoundryActorInput = {
  /** The actor as Foundry exports it (Export Data): an object with name, type "character", system and items; at most 1,000,000 characters of JSON. */
  actor: unknown;
};

/** An inventory line. */
export type InventoryItemInput = {
  /** The SRD armour this item is, when it is armour or a shield. */
  armor?: ArmorType | null | undefined;
  /** True when worn or wielded; at most one body armour and one shield may be equipped. Default false. */
  equipped?: boolean | null | undefined;
  /** Item name, 1 to 100 characters. */
  name: string;
  /** How many; default 1, at least 1. */
  quantity?: number | null | undefined;
  /** The SRD weapon this item is, when it is a weapon (never together with armor: ITEM_BOTH_ARMOR_AND_WEAPON). Equipped weapons give attacks. */
  weapon?: WeaponType | null | undefined;
  /** Weight of one item in pounds, at least 0; default 0. Armour and weapons weigh what the SRD table says: leave it out or give exactly that (else ITEM_WEIGHT_FROM_TABLE). */
  weight?: number | null | undefined;
};

/** An invitation for a user to play in a campaign. */
export type InvitePlayerInput = {
  /** The campaign. */
  campaignId: string | number;
  /** The user to invite (not the dungeon master). */
  userId: string | number;
};

/** SRD 5.1 class, subclass and racial features with a number of uses or a pool of points. */
export type LimitedUseFeature =
  /** Fighter: once per short rest, twice from 17th level. */
  | 'ACTION_SURGE'
  /** Wizard: once a day (back with the long rest). */
  | 'ARCANE_RECOVERY'
  /** Bard: CHA modifier (at least 1) per long rest; per short rest from 5th level (Font of Inspiration). */
  | 'BARDIC_INSPIRATION'
  /** Dragonborn: once per short rest. */
  | 'BREATH_WEAPON'
  /** Cleric (1/2/3 at 2nd/6th/18th level) or paladin (1): per short rest. */
  | 'CHANNEL_DIVINITY'
  /** Paladin 14th level: CHA modifier (at least 1) per long rest. */
  | 'CLEANSING_TOUCH'
  /** Tiefling 5th level (Infernal Legacy): darkness once per long rest. */
  | 'DARKNESS'
  /** Fiend warlock, 6th level: once per short rest. */
  | 'DARK_ONES_OWN_LUCK'
  /** Cleric 10th level: once, again after a long rest if the call failed. */
  | 'DIVINE_INTERVENTION'
  /** Paladin: 1 + CHA modifier per long rest. */
  | 'DIVINE_SENSE'
  /** Warlock 20th level: once per long rest. */
  | 'ELDRITCH_MASTER'
  /** Tiefling 3rd level (Infernal Legacy): hellish rebuke once per long rest. */
  | 'HELLISH_REBUKE'
  /** Fiend warlock, 14th level: once per long rest. */
  | 'HURL_THROUGH_HELL'
  /** Fighter: 1/2/3 at 9th/13th/17th level, per long rest. */
  | 'INDOMITABLE'
  /** Monk: ki points equal to the monk level, per short rest. */
  | 'KI'
  /** Paladin: a pool of 5 x paladin level hit points per long rest. */
  | 'LAY_ON_HANDS'
  /** Warlock 11th level: the 6th-level arcanum, once per long rest. */
  | 'MYSTIC_ARCANUM_6'
  /** Warlock 13th level: the 7th-level arcanum, once per long rest. */
  | 'MYSTIC_ARCANUM_7'
  /** Warlock 15th level: the 8th-level arcanum, once per long rest. */
  | 'MYSTIC_ARCANUM_8'
  /** Warlock 17th level: the 9th-level arcanum, once per long rest. */
  | 'MYSTIC_ARCANUM_9'
  /** Circle of the Land druid: once per long rest. */
  | 'NATURAL_RECOVERY'
  /** Barbarian: rages per long rest (unlimited at 20). */
  | 'RAGE'
  /** Half-orc: once per long rest. */
  | 'RELENTLESS_ENDURANCE'
  /** Fighter: once per short rest. */
  | 'SECOND_WIND'
  /** Wizard 20th level: each of two signature spells once per short rest (two uses). */
  | 'SIGNATURE_SPELL'
  /** Sorcerer: points equal to the sorcerer level, per long rest (4 back on a short rest at 20th level). */
  | 'SORCERY_POINTS'
  /** Rogue 20th level: once per short rest. */
  | 'STROKE_OF_LUCK'
  /** Way of the Open Hand monk, 6th level: once per long rest. */
  | 'WHOLENESS_OF_BODY'
  /** Druid: twice per short rest. */
  | 'WILD_SHAPE';

/** Input of longRest. */
export type LongRestInput = {
  /** The character. */
  characterId: string | number;
  /** The version the caller last read; CONFLICT when the character has changed since. */
  expectedVersion: number;
};

/** The daily preparation of spells. */
export type PrepareSpellsInput = {
  /** Your character. */
  characterId: string | number;
  /** The version the preparation is based on (Character.version); a different current version answers CONFLICT. */
  expectedVersion: number;
  /** The spells prepared today, by spell id (replaces the list); always-prepared subclass spells need not be listed. */
  spells: Array<string>;
};

/** Where a quest stands. */
export type QuestStatus =
  /** Done. */
  | 'COMPLETED'
  /** Failed or abandoned. */
  | 'FAILED'
  /** Still to be done. */
  | 'OPEN';

/** SRD 5.1 races (with the SRD's one subrace where a race has subraces). */
export type Race =
  /** Dragonborn: +2 STR, +1 CHA. */
  | 'DRAGONBORN'
  /** Half-elf: +2 CHA and +1 to two other abilities of the player's choice. */
  | 'HALF_ELF'
  /** Half-orc: +2 STR, +1 CON. */
  | 'HALF_ORC'
  /** High elf: +2 DEX, +1 INT. */
  | 'HIGH_ELF'
  /** Hill dwarf: +2 CON, +1 WIS, +1 hit point per level. */
  | 'HILL_DWARF'
  /** Human: +1 to every ability. */
  | 'HUMAN'
  /** Lightfoot halfling: +2 DEX, +1 CHA. */
  | 'LIGHTFOOT_HALFLING'
  /** Rock gnome: +2 INT, +1 CON. */
  | 'ROCK_GNOME'
  /** Tiefling: +2 CHA, +1 INT. */
  | 'TIEFLING';

/** When a feature's spent uses come back. */
export type Recharge =
  /** At the end of a long rest. */
  | 'LONG'
  /** At the end of a short or a long rest. */
  | 'SHORT';

/** Input of rollDice. */
export type RollDiceInput = {
  /** The character rolling. */
  characterId: string | number;
  /**
   * Your own seed, mixed into the dice: with it, not even a server that chose its seed could aim the dice at you. 1 to
   * 64 printable ASCII characters; default the empty string.
   */
  clientSeed?: string | null | undefined;
  /**
   * Terms joined by + or -: NdM (N from 1, d20 alone is 1d20), NdMkhK / NdMklK (keep the highest or lowest K), or a
   * whole number. At most 100 dice, 2 to 1000 sides, 10 terms, constants up to 1000, 100 characters. E.g. 1d20+5, 4d6kh3, 2d6+1d4-1.
   */
  expression: string;
  /** Advantage or disadvantage on the expression's single 1d20; default NORMAL. */
  mode?: RollMode | null | undefined;
  /** What the roll is for ("Stealth", "longsword attack"), at most 200 characters. */
  purpose?: string | null | undefined;
};

/** Which d20 rolls a roll effect is about. */
export type RollKind =
  /** The character's ability checks. */
  | 'ABILITY_CHECKS'
  /** Attack rolls made against the character. */
  | 'ATTACKS_AGAINST'
  /** The character's attack rolls. */
  | 'ATTACK_ROLLS'
  /** The character's saving throws (of one ability when the effect names it). */
  | 'SAVING_THROWS';

/** SRD advantage and disadvantage: roll a second d20 and keep the higher or lower. */
export type RollMode =
  /** The expression's single 1d20 becomes 2d20 keeping the highest. */
  | 'ADVANTAGE'
  /** The expression's single 1d20 becomes 2d20 keeping the lowest. */
  | 'DISADVANTAGE'
  /** Roll as written. */
  | 'NORMAL';

/** What a roll effect does to the roll. */
export type RollModifier =
  /** Roll two d20, keep the higher. */
  | 'ADVANTAGE'
  /** The roll fails without being rolled. */
  | 'AUTO_FAIL'
  /** Roll two d20, keep the lower. */
  | 'DISADVANTAGE';

/** A new portrait for one of your characters: the image is stored and linked, or neither. */
export type SetCharacterPortraitInput = {
  /** Your character. */
  characterId: string | number;
  /** The image bytes, base64 (PNG, JPEG, GIF or WebP). */
  dataBase64: string;
  /** The prompt it was generated from, if any. */
  prompt?: string | null | undefined;
};

/** Input of setConditions. */
export type SetConditionsInput = {
  /** The character. */
  characterId: string | number;
  /** Every condition the character is now under (an empty list clears them). */
  conditions: Array<Condition>;
  /** Exhaustion level, 0 to 6. */
  exhaustion: number;
  /** The version the caller last read; CONFLICT when the character has changed since. */
  expectedVersion: number;
};

/** Input of shortRest. */
export type ShortRestInput = {
  /** The character. */
  characterId: string | number;
  /** The version the caller last read; CONFLICT when the character has changed since. */
  expectedVersion: number;
  /** One value per hit die spent, as rolled (1 to the hit die); empty: rest without spending any. */
  hitDieRolls: Array<number>;
};

/** The 18 skills. */
export type Skill =
  /** Acrobatics (DEX). */
  | 'ACROBATICS'
  /** Animal Handling (WIS). */
  | 'ANIMAL_HANDLING'
  /** Arcana (INT). */
  | 'ARCANA'
  /** Athletics (STR). */
  | 'ATHLETICS'
  /** Deception (CHA). */
  | 'DECEPTION'
  /** History (INT). */
  | 'HISTORY'
  /** Insight (WIS). */
  | 'INSIGHT'
  /** Intimidation (CHA). */
  | 'INTIMIDATION'
  /** Investigation (INT). */
  | 'INVESTIGATION'
  /** Medicine (WIS). */
  | 'MEDICINE'
  /** Nature (INT). */
  | 'NATURE'
  /** Perception (WIS). */
  | 'PERCEPTION'
  /** Performance (CHA). */
  | 'PERFORMANCE'
  /** Persuasion (CHA). */
  | 'PERSUASION'
  /** Religion (INT). */
  | 'RELIGION'
  /** Sleight of Hand (DEX). */
  | 'SLEIGHT_OF_HAND'
  /** Stealth (DEX). */
  | 'STEALTH'
  /** Survival (WIS). */
  | 'SURVIVAL';

/** The spell attack a spell makes. */
export type SpellAttack =
  /** A melee spell attack. */
  | 'MELEE'
  /** A ranged spell attack. */
  | 'RANGED';

/** The eight schools of magic. */
export type SpellSchool =
  /** Abjuration. */
  | 'ABJURATION'
  /** Conjuration. */
  | 'CONJURATION'
  /** Divination. */
  | 'DIVINATION'
  /** Enchantment. */
  | 'ENCHANTMENT'
  /** Evocation. */
  | 'EVOCATION'
  /** Illusion. */
  | 'ILLUSION'
  /** Necromancy. */
  | 'NECROMANCY'
  /** Transmutation. */
  | 'TRANSMUTATION';

/** Input of spendSpellSlot. */
export type SpendSpellSlotInput = {
  /** The character. */
  characterId: string | number;
  /** The version the caller last read; CONFLICT when the character has changed since. */
  expectedVersion: number;
  /** Spell level of the slot, 1 to 9 (a warlock: its pact slot level). */
  level: number;
};

/** The SRD 5.1's subclasses, one per class. */
export type Subclass =
  /** Barbarian: Path of the Berserker (chosen at level 3). */
  | 'BERSERKER'
  /** Fighter: Champion (level 3). */
  | 'CHAMPION'
  /** Paladin: Oath of Devotion (level 3). */
  | 'DEVOTION'
  /** Sorcerer: Draconic Bloodline (level 1). */
  | 'DRACONIC'
  /** Wizard: School of Evocation (level 2). */
  | 'EVOCATION'
  /** Warlock: The Fiend (level 1). */
  | 'FIEND'
  /** Ranger: Hunter (level 3). */
  | 'HUNTER'
  /** Druid: Circle of the Land (level 2). */
  | 'LAND'
  /** Cleric: Life Domain (level 1). */
  | 'LIFE'
  /** Bard: College of Lore (level 3). */
  | 'LORE'
  /** Monk: Way of the Open Hand (level 3). */
  | 'OPEN_HAND'
  /** Rogue: Thief (level 3). */
  | 'THIEF';

/** Where a global transaction stands. */
export type TransactionState =
  /** Every branch aborted: nothing of the transaction is visible anywhere. */
  | 'ABORTED'
  /** Decided to abort; the hub is cancelling every branch. */
  | 'ABORTING'
  /** Preparing its branches; nothing is decided yet. */
  | 'ACTIVE'
  /** Every branch committed. */
  | 'COMMITTED'
  /** Decided to commit; the hub is confirming every branch (retried until each acknowledges). */
  | 'COMMITTING';

/** Changes to a character; a field left out keeps its value, an optional field set to null is cleared. */
export type UpdateCharacterInput = {
  /** New chosen racial increases. */
  abilityBonusChoices?: Array<Ability> | null | undefined;
  /** New Ability Score Improvements (replaces the list), at the class's levels (4, 8, 12, 16, 19; fighter also 6 and 14, rogue also 10) up to the character's level. */
  abilityScoreImprovements?: Array<AbilityScoreImprovementInput> | null | undefined;
  /** New base ability scores. */
  abilityScores?: AbilityScoresInput | null | undefined;
  /** New alignment, or null to clear. */
  alignment?: Alignment | null | undefined;
  /** New background, or null to clear. */
  background?: string | null | undefined;
  /** New backstory, or null to clear. */
  backstory?: string | null | undefined;
  /**
   * New cantrips known (replaces the list), by spell id. The four spell lists are checked against the merged character:
   * a change of level, class, subclass or ability score that makes the stored spells illegal is refused naming the rule,
   * so change the spells in the same update.
   */
  cantrips?: Array<string> | null | undefined;
  /** New class. */
  class?: CharacterClass | null | undefined;
  /** New current hit points, 0 to the maximum. */
  currentHitPoints?: number | null | undefined;
  /** The version the change is based on (Character.version); a different current version answers CONFLICT. */
  expectedVersion: number;
  /** New experience points: only while the character is in no active campaign (FORBIDDEN otherwise: its DM awards them). */
  experience?: number | null | undefined;
  /** New Expertise skills (replaces the list). Skills whose proficiency bonus is doubled: rogue 2 at level 1 and 2 more at 6, bard 2 at 3 and 2 more at 10; only proficient skills. */
  expertise?: Array<Skill> | null | undefined;
  /** New fighting styles (replaces the list). Fighting styles: fighter 1 at level 1 (a second at 10 for a Champion), paladin and ranger 1 at level 2, from the class's list; no duplicates. */
  fightingStyles?: Array<FightingStyle> | null | undefined;
  /** New hit die rolls for levels 2, 3, ... */
  hitPointRolls?: Array<number> | null | undefined;
  /** The character to change. */
  id: string | number;
  /** New inventory (replaces the list). */
  inventory?: Array<InventoryItemInput> | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** Id of an existing portrait Image, or null to clear. */
  portraitImageId?: string | number | null | undefined;
  /** New prepared spells (replaces the list), by spell id; prepareSpells does only this. */
  preparedSpells?: Array<string> | null | undefined;
  /** New race. */
  race?: Race | null | undefined;
  /** New skill proficiencies (replaces the list). */
  skillProficiencies?: Array<Skill> | null | undefined;
  /** New wizard spellbook (replaces the list), by spell id. */
  spellbook?: Array<string> | null | undefined;
  /** New spells known (replaces the list), by spell id. */
  spellsKnown?: Array<string> | null | undefined;
  /** New SRD subclass (of the class, at or above its subclass level), or null to clear. */
  subclass?: Subclass | null | undefined;
  /** New temporary hit points, at least 0. */
  temporaryHitPoints?: number | null | undefined;
};

/** Input of useFeature. */
export type UseFeatureInput = {
  /** Uses (or pool points) to spend, at least 1; default 1. */
  amount?: number | null | undefined;
  /** The character. */
  characterId: string | number;
  /** The version the caller last read; CONFLICT when the character has changed since. */
  expectedVersion: number;
  /** The feature. */
  feature: LimitedUseFeature;
};

/** Who may see an NPC, a location, a quest or an image. */
export type Visibility =
  /** The dungeon master only. */
  | 'DM_ONLY'
  /** The dungeon master and the players who have joined. */
  | 'PARTY'
  /** Every signed-in user who looks at the campaign. */
  | 'PUBLIC';

/** A weapon property of the SRD 5.1. */
export type WeaponProperty =
  /** Fires ammunition; its range is the weapon's range. */
  | 'AMMUNITION'
  /** The attacker uses the better of Strength and Dexterity. */
  | 'FINESSE'
  /** Small creatures have disadvantage with it. */
  | 'HEAVY'
  /** Small and easy to handle, for fighting with two weapons. */
  | 'LIGHT'
  /** One shot per action, bonus action or reaction. */
  | 'LOADING'
  /** Adds 5 feet to the wielder's reach. */
  | 'REACH'
  /** Special rules of its own (lance, net). */
  | 'SPECIAL'
  /** Can be thrown for a ranged attack with the same ability as in melee. */
  | 'THROWN'
  /** Needs two hands. */
  | 'TWO_HANDED'
  /** Can be used with one or two hands; two hands roll versatileDamage. */
  | 'VERSATILE';

/** An SRD 5.1 weapon. */
export type WeaponType =
  /** Martial melee, 1d8 slashing, versatile (1d10). */
  | 'BATTLEAXE'
  /** Martial ranged, 1 piercing, ammunition (25/100), loading. */
  | 'BLOWGUN'
  /** Simple melee, 1d4 bludgeoning, light. */
  | 'CLUB'
  /** Simple melee, 1d4 piercing, finesse, light, thrown (20/60). */
  | 'DAGGER'
  /** Simple ranged, 1d4 piercing, finesse, thrown (20/60). */
  | 'DART'
  /** Martial melee, 1d8 bludgeoning. */
  | 'FLAIL'
  /** Martial melee, 1d10 slashing, heavy, reach, two-handed. */
  | 'GLAIVE'
  /** Martial melee, 1d12 slashing, heavy, two-handed. */
  | 'GREATAXE'
  /** Simple melee, 1d8 bludgeoning, two-handed. */
  | 'GREATCLUB'
  /** Martial melee, 2d6 slashing, heavy, two-handed. */
  | 'GREATSWORD'
  /** Martial melee, 1d10 slashing, heavy, reach, two-handed. */
  | 'HALBERD'
  /** Simple melee, 1d6 slashing, light, thrown (20/60). */
  | 'HANDAXE'
  /** Martial ranged, 1d6 piercing, ammunition (30/120), light, loading. */
  | 'HAND_CROSSBOW'
  /** Martial ranged, 1d10 piercing, ammunition (100/400), heavy, loading, two-handed. */
  | 'HEAVY_CROSSBOW'
  /** Simple melee, 1d6 piercing, thrown (30/120). */
  | 'JAVELIN'
  /** Martial melee, 1d12 piercing, reach, special. */
  | 'LANCE'
  /** Simple ranged, 1d8 piercing, ammunition (80/320), loading, two-handed. */
  | 'LIGHT_CROSSBOW'
  /** Simple melee, 1d4 bludgeoning, light, thrown (20/60). */
  | 'LIGHT_HAMMER'
  /** Martial ranged, 1d8 piercing, ammunition (150/600), heavy, two-handed. */
  | 'LONGBOW'
  /** Martial melee, 1d8 slashing, versatile (1d10). */
  | 'LONGSWORD'
  /** Simple melee, 1d6 bludgeoning. */
  | 'MACE'
  /** Martial melee, 2d6 bludgeoning, heavy, two-handed. */
  | 'MAUL'
  /** Martial melee, 1d8 piercing. */
  | 'MORNINGSTAR'
  /** Martial ranged, no damage (restrains), special, thrown (5/15). */
  | 'NET'
  /** Martial melee, 1d10 piercing, heavy, reach, two-handed. */
  | 'PIKE'
  /** Simple melee, 1d6 bludgeoning, versatile (1d8). */
  | 'QUARTERSTAFF'
  /** Martial melee, 1d8 piercing, finesse. */
  | 'RAPIER'
  /** Martial melee, 1d6 slashing, finesse, light. */
  | 'SCIMITAR'
  /** Simple ranged, 1d6 piercing, ammunition (80/320), two-handed. */
  | 'SHORTBOW'
  /** Martial melee, 1d6 piercing, finesse, light. */
  | 'SHORTSWORD'
  /** Simple melee, 1d4 slashing, light. */
  | 'SICKLE'
  /** Simple ranged, 1d4 bludgeoning, ammunition (30/120). */
  | 'SLING'
  /** Simple melee, 1d6 piercing, thrown (20/60), versatile (1d8). */
  | 'SPEAR'
  /** Martial melee, 1d6 piercing, thrown (20/60), versatile (1d8). */
  | 'TRIDENT'
  /** Martial melee, 1d8 bludgeoning, versatile (1d10). */
  | 'WARHAMMER'
  /** Martial melee, 1d8 piercing. */
  | 'WAR_PICK'
  /** Martial melee, 1d4 slashing, finesse, reach. */
  | 'WHIP';

export type BrowseImagesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ImageFilter | null | undefined;
}>;


export type BrowseImagesQuery = { images: { totalCount: number, edges: Array<{ node: { id: string, kind: ImageKind, url: string, width: number, height: number, mimeType: string, provider: string, prompt: string | null, ownerId: string, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BuildChampionFighterMutationVariables = Exact<{
  input: CreateCharacterInput;
}>;


export type BuildChampionFighterMutation = { createCharacter: { character: { id: string, name: string, race: Race, class: CharacterClass, subclass: Subclass | null, level: number, speed: number, initiative: number, criticalRange: number, version: number, senses: Array<{ name: string, range: number }>, features: Array<{ name: string, source: FeatureSource, sourceName: string, level: number, description: string, value: string | null }> } } };

export type CreateNpcMutationVariables = Exact<{
  input: CreateNpcInput;
}>;


export type CreateNpcMutation = { createNpc: { npc: { id: string, name: string, visibility: Visibility } } };

export type CreateLocationMutationVariables = Exact<{
  input: CreateLocationInput;
}>;


export type CreateLocationMutation = { createLocation: { location: { id: string, name: string, visibility: Visibility } } };

export type CreateQuestMutationVariables = Exact<{
  input: CreateQuestInput;
}>;


export type CreateQuestMutation = { createQuest: { quest: { id: string, title: string, status: QuestStatus, visibility: Visibility } } };

export type CharacterSheetQueryVariables = Exact<{
  id: string | number;
}>;


export type CharacterSheetQuery = { character: { id: string, owner: string, name: string, race: Race, class: CharacterClass, subclass: Subclass | null, background: string | null, alignment: Alignment | null, level: number, experience: number, experienceToNextLevel: number | null, proficiencyBonus: number, hitDie: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, armorClass: number, speed: number, initiative: number, passivePerception: number, criticalRange: number, conditions: Array<Condition>, effectiveConditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, expertise: Array<Skill>, fightingStyles: Array<FightingStyle>, armorProficiencies: Array<ArmorCategory>, weaponProficiencies: Array<WeaponType>, armorProficient: boolean, attacksPerAction: number, inventoryWeight: number, backstory: string | null, version: number, createdAt: string, updatedAt: string, features: Array<{ name: string, source: FeatureSource, sourceName: string, level: number, description: string, value: string | null }>, senses: Array<{ name: string, range: number }>, auras: Array<{ name: string, range: number, effect: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, spent: number, remaining: number }>, pactSlots: { level: number, total: number, spent: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }>, abilityScoreImprovements: Array<{ level: number, feat: Feat | null, increases: Array<{ ability: Ability, amount: number }> }>, armorPenalty: { items: Array<ArmorType>, disadvantageAbilities: Array<Ability>, canCastSpells: boolean } | null, attacks: Array<{ name: string, weapon: WeaponType | null, ability: Ability, proficient: boolean, attackBonus: number, disadvantage: boolean, properties: Array<WeaponProperty>, reach: number | null, damage: { dice: string, modifier: number, type: DamageType } | null, versatileDamage: { dice: string, modifier: number, type: DamageType } | null, range: { normal: number, long: number } | null }>, abilities: Array<{ ability: Ability, baseScore: number, racialBonus: number, score: number, modifier: number }>, savingThrows: Array<{ ability: Ability, proficient: boolean, bonus: number }>, skills: Array<{ skill: Skill, ability: Ability, proficient: boolean, bonus: number }>, equippedArmor: { armor: ArmorType, category: ArmorCategory, stealthDisadvantage: boolean } | null, spellcasting: { ability: Ability, spellSaveDC: number, spellAttackBonus: number, slots: Array<{ level: number, total: number }>, pactSlots: { count: number, level: number } | null } | null, spells: Array<{ spell: string, name: string, level: number, school: SpellSchool, source: CharacterSpellSource, prepared: boolean, alwaysPrepared: boolean, ritual: boolean, concentration: boolean, attackBonus: number | null, saveDC: number | null, saveAbility: Ability | null }>, spellLimits: { cantrips: number, spellsKnown: number | null, preparedSpells: number | null, spellbookMinimum: number | null, maxSpellLevel: number, mysticArcanumLevels: Array<number> }, inventory: Array<{ name: string, quantity: number, weight: number, equipped: boolean, armor: ArmorType | null }>, portrait: { url: string, width: number, height: number } | null, campaign: { id: string, name: string } | null } | null };

export type CreateCampaignMutationVariables = Exact<{
  input: CreateCampaignInput;
}>;


export type CreateCampaignMutation = { createCampaign: { campaign: { id: string, name: string, setting: string | null, description: string | null, status: CampaignStatus, dungeonMasterId: string, myRole: CampaignRole | null, createdAt: string } } };

export type MyCampaignsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyCampaignsQuery = { campaigns: { edges: Array<{ node: { id: string, name: string, status: CampaignStatus, myRole: CampaignRole | null, dungeonMasterId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCharacterMutationVariables = Exact<{
  input: CreateCharacterInput;
}>;


export type CreateCharacterMutation = { createCharacter: { character: { id: string, name: string, race: Race, class: CharacterClass, background: string | null, alignment: Alignment | null, level: number, experience: number, proficiencyBonus: number, maxHitPoints: number, armorClass: number, speed: number, version: number, abilities: Array<{ ability: Ability, score: number, modifier: number }> } } };

export type BrowseCharactersQueryVariables = Exact<{
  owner?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BrowseCharactersQuery = { characters: { edges: Array<{ node: { id: string, name: string, race: Race, class: CharacterClass, level: number, version: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CharacterInventoryQueryVariables = Exact<{
  id: string | number;
}>;


export type CharacterInventoryQuery = { character: { id: string, name: string, version: number, armorClass: number, inventory: Array<{ name: string, quantity: number, weight: number, equipped: boolean, armor: ArmorType | null }> } | null };

export type EquipArmourMutationVariables = Exact<{
  input: UpdateCharacterInput;
}>;


export type EquipArmourMutation = { updateCharacter: { character: { id: string, version: number, armorClass: number, speed: number, inventoryWeight: number, equippedArmor: { armor: ArmorType, category: ArmorCategory, strengthRequirement: number, meetsStrengthRequirement: boolean, stealthDisadvantage: boolean } | null, inventory: Array<{ name: string, quantity: number, weight: number, equipped: boolean, armor: ArmorType | null }> } } };

export type ExportFoundryActorQueryVariables = Exact<{
  characterId: string | number;
}>;


export type ExportFoundryActorQuery = { exportFoundryActor: unknown };

export type ImportFoundryActorMutationVariables = Exact<{
  input: ImportFoundryActorInput;
}>;


export type ImportFoundryActorMutation = { importFoundryActor: { character: { id: string, name: string, race: Race, class: CharacterClass, subclass: Subclass | null, level: number, version: number }, notImported: Array<{ path: string, reason: string }> } };

export type BackstoryContextQueryVariables = Exact<{
  id: string | number;
}>;


export type BackstoryContextQuery = { character: { id: string, owner: string, name: string, race: Race, class: CharacterClass, background: string | null, alignment: Alignment | null, backstory: string | null, version: number, campaign: { id: string, name: string, setting: string | null } | null } | null };

export type StreamBackstorySubscriptionVariables = Exact<{
  input: GenerateTextInput;
}>;


export type StreamBackstorySubscription = { textGeneration: { type: GenerationStreamEventType, generationId: string, sequence: number, delta: string | null, generation: { id: string, status: GenerationStatus, text: string, provider: string, model: string, usage: { promptTokens: number, completionTokens: number, totalTokens: number }, error: { code: string, message: string, retryAfter: number | null } | null } | null } };

export type SaveBackstoryMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  backstory: string;
}>;


export type SaveBackstoryMutation = { updateCharacter: { character: { id: string, backstory: string | null, version: number } } };

export type GenerateBackstoryMutationVariables = Exact<{
  id: string | number;
  prompt?: string | null | undefined;
}>;


export type GenerateBackstoryMutation = { generateBackstory: { generationId: string, character: { id: string, backstory: string | null, version: number } } };

export type GeneratePortraitMutationVariables = Exact<{
  input: GeneratePortraitInput;
}>;


export type GeneratePortraitMutation = { generatePortrait: { generationId: string, transactionId: string, image: { id: string, url: string, width: number, height: number, mimeType: string, provider: string, prompt: string | null }, character: { id: string, portrait: { id: string, url: string } | null } } };

export type GenerateTextMutationVariables = Exact<{
  input: GenerateTextInput;
}>;


export type GenerateTextMutation = { generateText: { generation: { id: string, kind: GenerationKind, status: GenerationStatus, text: string, provider: string, model: string, seed: number, usage: { totalTokens: number } } } };

export type InvitePlayerMutationVariables = Exact<{
  input: InvitePlayerInput;
}>;


export type InvitePlayerMutation = { invitePlayer: { member: { userId: string, role: CampaignRole, status: CampaignMemberStatus, invitedAt: string }, campaign: { id: string, name: string, members: Array<{ userId: string, role: CampaignRole, status: CampaignMemberStatus }> } } };

export type JoinCampaignMutationVariables = Exact<{
  campaignId: string | number;
}>;


export type JoinCampaignMutation = { joinCampaign: { member: { userId: string, role: CampaignRole, status: CampaignMemberStatus, joinedAt: string | null }, campaign: { id: string, name: string, myRole: CampaignRole | null } } };

export type JoinPartyMutationVariables = Exact<{
  campaignId: string | number;
  characterId: string | number;
}>;


export type JoinPartyMutation = { joinParty: { campaign: { id: string, name: string, party: Array<{ id: string, name: string, class: CharacterClass, level: number }> }, character: { id: string, activeCampaignId: string | null }, transaction: { id: string, state: TransactionState } } };

export type LevelUpMutationVariables = Exact<{
  input: AwardExperienceInput;
}>;


export type LevelUpMutation = { awardExperience: { previousLevel: number, leveledUp: boolean, character: { id: string, name: string, level: number, experience: number, experienceToNextLevel: number | null, proficiencyBonus: number, maxHitPoints: number, version: number, hitPointLevels: Array<{ level: number, dieValue: number, rolled: boolean, hitPoints: number }>, spellcasting: { spellSaveDC: number, spellAttackBonus: number, slots: Array<{ level: number, total: number }> } | null } } };

export type PlayStateFragment = { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> };

export type SetConditionsMutationVariables = Exact<{
  input: SetConditionsInput;
}>;


export type SetConditionsMutation = { setConditions: { character: { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> } } };

export type SpendSpellSlotMutationVariables = Exact<{
  input: SpendSpellSlotInput;
}>;


export type SpendSpellSlotMutation = { spendSpellSlot: { pactSlot: boolean, character: { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> } } };

export type UseFeatureMutationVariables = Exact<{
  input: UseFeatureInput;
}>;


export type UseFeatureMutation = { useFeature: { character: { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> } } };

export type ShortRestMutationVariables = Exact<{
  input: ShortRestInput;
}>;


export type ShortRestMutation = { shortRest: { healing: number, character: { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> } } };

export type LongRestMutationVariables = Exact<{
  input: LongRestInput;
}>;


export type LongRestMutation = { longRest: { hitPointsRegained: number, hitDiceRegained: number, character: { id: string, version: number, speed: number, maxHitPoints: number, currentHitPoints: number, temporaryHitPoints: number, conditions: Array<Condition>, exhaustion: number, incapacitated: boolean, dead: boolean, rollEffects: Array<{ roll: RollKind, modifier: RollModifier, ability: Ability | null, circumstance: string | null, source: string }>, hitDice: { die: number, total: number, spent: number, remaining: number }, spellSlots: Array<{ level: number, total: number, remaining: number }>, pactSlots: { level: number, total: number, remaining: number } | null, featureUses: Array<{ feature: LimitedUseFeature, name: string, used: number, max: number | null, remaining: number | null, recharge: Recharge }> } } };

export type ClassSpellsQueryVariables = Exact<{
  class?: CharacterClass | null | undefined;
  level?: number | null | undefined;
}>;


export type ClassSpellsQuery = { spells: Array<{ id: string, name: string, level: number, school: SpellSchool, ritual: boolean, concentration: boolean, attack: SpellAttack | null, save: Ability | null }> };

export type PrepareSpellsMutationVariables = Exact<{
  input: PrepareSpellsInput;
}>;


export type PrepareSpellsMutation = { prepareSpells: { character: { id: string, version: number, spellLimits: { cantrips: number, spellsKnown: number | null, preparedSpells: number | null, spellbookMinimum: number | null, maxSpellLevel: number }, spells: Array<{ spell: string, name: string, level: number, source: CharacterSpellSource, prepared: boolean, alwaysPrepared: boolean, ritual: boolean, concentration: boolean, attackBonus: number | null, saveDC: number | null, saveAbility: Ability | null }> } } };

export type ScheduleSessionMutationVariables = Exact<{
  campaignId: string | number;
  title: string;
  scheduledFor?: string | null | undefined;
}>;


export type ScheduleSessionMutation = { scheduleSession: { session: { id: string, number: number, title: string, status: GameSessionStatus, scheduledFor: string | null } } };

export type EndSessionMutationVariables = Exact<{
  sessionId: string | number;
  recap?: string | null | undefined;
  dmNotes?: string | null | undefined;
  xpAwarded: number;
}>;


export type EndSessionMutation = { endSession: { sessionId: string, awardedTo: Array<{ id: string, name: string, level: number, experience: number }>, campaign: { id: string, sessions: Array<{ id: string, number: number, status: GameSessionStatus, xpAwarded: number | null }> }, transaction: { id: string, state: TransactionState } } };

export type RollWithProofFragment = { id: string, characterId: string, purpose: string | null, expression: string, total: number, hitPointLevel: number | null, rolledAt: string, dice: Array<{ sides: number, value: number, kept: boolean }>, proof: { serverSeed: string, commitment: string, clientSeed: string, nonce: number, nextCommitment: string, algorithm: string } };

export type NextRollCommitmentQueryVariables = Exact<{
  characterId: string | number;
}>;


export type NextRollCommitmentQuery = { character: { id: string, nextRollCommitment: { nonce: number, commitment: string } | null } | null };

export type RollDiceMutationVariables = Exact<{
  input: RollDiceInput;
}>;


export type RollDiceMutation = { rollDice: { roll: { id: string, characterId: string, purpose: string | null, expression: string, total: number, hitPointLevel: number | null, rolledAt: string, dice: Array<{ sides: number, value: number, kept: boolean }>, proof: { serverSeed: string, commitment: string, clientSeed: string, nonce: number, nextCommitment: string, algorithm: string } } } };

export type VerifyRollQueryVariables = Exact<{
  rollId: string | number;
}>;


export type VerifyRollQuery = { verifyRoll: { valid: boolean, commitmentMatches: boolean, diceMatch: boolean, chainIntact: boolean, problems: Array<string>, roll: { id: string, total: number } } };

export type CharacterRollsQueryVariables = Exact<{
  characterId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CharacterRollsQuery = { rolls: { edges: Array<{ cursor: string, node: { id: string, characterId: string, purpose: string | null, expression: string, total: number, hitPointLevel: number | null, rolledAt: string, dice: Array<{ sides: number, value: number, kept: boolean }>, proof: { serverSeed: string, commitment: string, clientSeed: string, nonce: number, nextCommitment: string, algorithm: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartyRollsSubscriptionVariables = Exact<{
  campaignId: string | number;
}>;


export type PartyRollsSubscription = { partyRolls: { id: string, characterId: string, purpose: string | null, expression: string, total: number, hitPointLevel: number | null, rolledAt: string, character: { name: string } | null, dice: Array<{ sides: number, value: number, kept: boolean }>, proof: { serverSeed: string, commitment: string, clientSeed: string, nonce: number, nextCommitment: string, algorithm: string } } };

export type UploadPortraitMutationVariables = Exact<{
  input: SetCharacterPortraitInput;
}>;


export type UploadPortraitMutation = { setCharacterPortrait: { image: { id: string, url: string, width: number, height: number }, transaction: { id: string, state: TransactionState } } };

export const PlayStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<PlayStateFragment, unknown>;
export const RollWithProofFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RollWithProof"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Roll"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"characterId"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"hitPointLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"dice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sides"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverSeed"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"}},{"kind":"Field","name":{"kind":"Name","value":"clientSeed"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"nextCommitment"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}}]}}]}}]} as unknown as DocumentNode<RollWithProofFragment, unknown>;
export const BrowseImagesDocument = {"__meta__":{"hash":"sha256:3095d9868603ccf2c965115f6860eda011b719094c6348d4083b4b7c3e2ad33d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowseImages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"ownerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BrowseImagesQuery, BrowseImagesQueryVariables>;
export const BuildChampionFighterDocument = {"__meta__":{"hash":"sha256:6707033596a74b7166ed95b34f7b6498a2e447ec0a164239e212bceec1c36910"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuildChampionFighter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCharacterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCharacter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"subclass"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"initiative"}},{"kind":"Field","name":{"kind":"Name","value":"criticalRange"}},{"kind":"Field","name":{"kind":"Name","value":"senses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"range"}}]}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<BuildChampionFighterMutation, BuildChampionFighterMutationVariables>;
export const CreateNpcDocument = {"__meta__":{"hash":"sha256:c0c360b41392447a7dda5519db126417905643228e2d334b9e340aca53ac06ef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateNpc"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateNpcInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNpc"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"npc"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]} as unknown as DocumentNode<CreateNpcMutation, CreateNpcMutationVariables>;
export const CreateLocationDocument = {"__meta__":{"hash":"sha256:7da7722489e09e9fbcd36f2b19474035962549f1e40b49278c62b7b4845bb93d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateLocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLocationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]} as unknown as DocumentNode<CreateLocationMutation, CreateLocationMutationVariables>;
export const CreateQuestDocument = {"__meta__":{"hash":"sha256:03f72627eae035dea47ae69eea61b04b134be57e76bae43aefc065368f850e8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateQuest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateQuestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createQuest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]} as unknown as DocumentNode<CreateQuestMutation, CreateQuestMutationVariables>;
export const CharacterSheetDocument = {"__meta__":{"hash":"sha256:6907425a4238ae7ff5c5cf3543bb123319638efad86bd0b6fa2f9f8641e0f598"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterSheet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"subclass"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"alignment"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"experience"}},{"kind":"Field","name":{"kind":"Name","value":"experienceToNextLevel"}},{"kind":"Field","name":{"kind":"Name","value":"proficiencyBonus"}},{"kind":"Field","name":{"kind":"Name","value":"hitDie"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"armorClass"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"initiative"}},{"kind":"Field","name":{"kind":"Name","value":"passivePerception"}},{"kind":"Field","name":{"kind":"Name","value":"features"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"senses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"range"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auras"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"range"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criticalRange"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveConditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expertise"}},{"kind":"Field","name":{"kind":"Name","value":"fightingStyles"}},{"kind":"Field","name":{"kind":"Name","value":"abilityScoreImprovements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"increases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feat"}}]}},{"kind":"Field","name":{"kind":"Name","value":"armorProficiencies"}},{"kind":"Field","name":{"kind":"Name","value":"weaponProficiencies"}},{"kind":"Field","name":{"kind":"Name","value":"armorProficient"}},{"kind":"Field","name":{"kind":"Name","value":"armorPenalty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"}},{"kind":"Field","name":{"kind":"Name","value":"disadvantageAbilities"}},{"kind":"Field","name":{"kind":"Name","value":"canCastSpells"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attacksPerAction"}},{"kind":"Field","name":{"kind":"Name","value":"attacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"weapon"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"proficient"}},{"kind":"Field","name":{"kind":"Name","value":"attackBonus"}},{"kind":"Field","name":{"kind":"Name","value":"disadvantage"}},{"kind":"Field","name":{"kind":"Name","value":"damage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dice"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versatileDamage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dice"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"properties"}},{"kind":"Field","name":{"kind":"Name","value":"reach"}},{"kind":"Field","name":{"kind":"Name","value":"range"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"normal"}},{"kind":"Field","name":{"kind":"Name","value":"long"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"abilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"baseScore"}},{"kind":"Field","name":{"kind":"Name","value":"racialBonus"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"savingThrows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"proficient"}},{"kind":"Field","name":{"kind":"Name","value":"bonus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skill"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"proficient"}},{"kind":"Field","name":{"kind":"Name","value":"bonus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equippedArmor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"armor"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"stealthDisadvantage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellcasting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"spellSaveDC"}},{"kind":"Field","name":{"kind":"Name","value":"spellAttackBonus"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"spells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spell"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"prepared"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysPrepared"}},{"kind":"Field","name":{"kind":"Name","value":"ritual"}},{"kind":"Field","name":{"kind":"Name","value":"concentration"}},{"kind":"Field","name":{"kind":"Name","value":"attackBonus"}},{"kind":"Field","name":{"kind":"Name","value":"saveDC"}},{"kind":"Field","name":{"kind":"Name","value":"saveAbility"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cantrips"}},{"kind":"Field","name":{"kind":"Name","value":"spellsKnown"}},{"kind":"Field","name":{"kind":"Name","value":"preparedSpells"}},{"kind":"Field","name":{"kind":"Name","value":"spellbookMinimum"}},{"kind":"Field","name":{"kind":"Name","value":"maxSpellLevel"}},{"kind":"Field","name":{"kind":"Name","value":"mysticArcanumLevels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"equipped"}},{"kind":"Field","name":{"kind":"Name","value":"armor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryWeight"}},{"kind":"Field","name":{"kind":"Name","value":"backstory"}},{"kind":"Field","name":{"kind":"Name","value":"portrait"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<CharacterSheetQuery, CharacterSheetQueryVariables>;
export const CreateCampaignDocument = {"__meta__":{"hash":"sha256:913f0cecc94bf0768fe25ce316f648b9ac51f48c9d37e64c67c72f3942064518"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dungeonMasterId"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const MyCampaignsDocument = {"__meta__":{"hash":"sha256:44183e353c650d606a02e1758a2b47c6df563911d00d80a19c0ac0f61bf58578"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCampaigns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"dungeonMasterId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyCampaignsQuery, MyCampaignsQueryVariables>;
export const CreateCharacterDocument = {"__meta__":{"hash":"sha256:994dd47a5f760c87f2a2f7d7635eaef468c069a6e0283c3bf74df3b788e0f459"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCharacter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCharacterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCharacter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"alignment"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"experience"}},{"kind":"Field","name":{"kind":"Name","value":"proficiencyBonus"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"armorClass"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"abilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCharacterMutation, CreateCharacterMutationVariables>;
export const BrowseCharactersDocument = {"__meta__":{"hash":"sha256:0362b7bf5422028f9b2d0401b27ebb52cfadc1855888ce5864662183c166d0a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BrowseCharacters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"owner"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"characters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"owner"},"value":{"kind":"Variable","name":{"kind":"Name","value":"owner"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BrowseCharactersQuery, BrowseCharactersQueryVariables>;
export const CharacterInventoryDocument = {"__meta__":{"hash":"sha256:39f237db3b97a69590c5a13af0e646808a698e6d7ccf3edc84849d08ee8e9678"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"armorClass"}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"equipped"}},{"kind":"Field","name":{"kind":"Name","value":"armor"}}]}}]}}]}}]} as unknown as DocumentNode<CharacterInventoryQuery, CharacterInventoryQueryVariables>;
export const EquipArmourDocument = {"__meta__":{"hash":"sha256:2c007bf4bf17c078a0403cd3f2ff878b1dd3064b509d0f0655d327c45c9b70ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EquipArmour"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCharacterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCharacter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"armorClass"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"equippedArmor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"armor"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"strengthRequirement"}},{"kind":"Field","name":{"kind":"Name","value":"meetsStrengthRequirement"}},{"kind":"Field","name":{"kind":"Name","value":"stealthDisadvantage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"equipped"}},{"kind":"Field","name":{"kind":"Name","value":"armor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inventoryWeight"}}]}}]}}]}}]} as unknown as DocumentNode<EquipArmourMutation, EquipArmourMutationVariables>;
export const ExportFoundryActorDocument = {"__meta__":{"hash":"sha256:8fedb4ae9e857daf9be30611a87f9537968cc8c9d4c7aa0bccbbdccb6d4ca148"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportFoundryActor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportFoundryActor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"characterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}}}]}]}}]} as unknown as DocumentNode<ExportFoundryActorQuery, ExportFoundryActorQueryVariables>;
export const ImportFoundryActorDocument = {"__meta__":{"hash":"sha256:65d0c8f38e4560a57f3ed5a92b59a616b07b28a928602b3b7fd87f18edc2810d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportFoundryActor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportFoundryActorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importFoundryActor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"subclass"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notImported"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ImportFoundryActorMutation, ImportFoundryActorMutationVariables>;
export const BackstoryContextDocument = {"__meta__":{"hash":"sha256:92ba9200c4bb49aed0a30e7a4f73672298ab42d780bea463f22a287c3b4ee1ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackstoryContext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"race"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"background"}},{"kind":"Field","name":{"kind":"Name","value":"alignment"}},{"kind":"Field","name":{"kind":"Name","value":"backstory"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}}]}}]}}]}}]} as unknown as DocumentNode<BackstoryContextQuery, BackstoryContextQueryVariables>;
export const StreamBackstoryDocument = {"__meta__":{"hash":"sha256:04cbefb10780d782fc503138578846c03410e77e88ed203964e2b36e0c2c04df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StreamBackstory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateTextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textGeneration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StreamBackstorySubscription, StreamBackstorySubscriptionVariables>;
export const SaveBackstoryDocument = {"__meta__":{"hash":"sha256:f4b7b652aacab769a0de301782a5f4f28df47b5df3e1ef395a831e891e6289c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveBackstory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"backstory"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCharacter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"backstory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"backstory"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"backstory"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<SaveBackstoryMutation, SaveBackstoryMutationVariables>;
export const GenerateBackstoryDocument = {"__meta__":{"hash":"sha256:a55beb844e2d9e36a992099ec15e35d2fed76dedde011e5aff90276cc4823708"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateBackstory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateBackstory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"characterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"prompt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"backstory"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateBackstoryMutation, GenerateBackstoryMutationVariables>;
export const GeneratePortraitDocument = {"__meta__":{"hash":"sha256:f2a13db45987465b1aa235af5e8078b6b8d79740b6256c4d4d18a9d5ef35098b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GeneratePortrait"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GeneratePortraitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generatePortrait"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"portrait"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GeneratePortraitMutation, GeneratePortraitMutationVariables>;
export const GenerateTextDocument = {"__meta__":{"hash":"sha256:73c5aa978110ec722c8de95e948eaf5d474f8693897716223d4e9481568e2ed6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateText"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateTextInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenerateTextMutation, GenerateTextMutationVariables>;
export const InvitePlayerDocument = {"__meta__":{"hash":"sha256:19c6f81fc19578ca2893c6729a0ebfa7174e5238082968daefcdffe1c59c79e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InvitePlayer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvitePlayerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitePlayer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitePlayerMutation, InvitePlayerMutationVariables>;
export const JoinCampaignDocument = {"__meta__":{"hash":"sha256:a4af4e701de2249b3ee9bf68cb1bad6c63936ece9badfb36929d9dc7ff94ca70"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinCampaign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}}]}}]}}]}}]} as unknown as DocumentNode<JoinCampaignMutation, JoinCampaignMutationVariables>;
export const JoinPartyDocument = {"__meta__":{"hash":"sha256:611156d7c09ddd21d18bbf6e3e18ac7ace1db5195656f88cb929ad85df570fe5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"JoinParty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinParty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"characterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"party"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"class"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeCampaignId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<JoinPartyMutation, JoinPartyMutationVariables>;
export const LevelUpDocument = {"__meta__":{"hash":"sha256:9d5e00bc27cd567fb910cbea313fdaa1a86903980b9cc0a1b367921163c1bd60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LevelUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AwardExperienceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardExperience"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousLevel"}},{"kind":"Field","name":{"kind":"Name","value":"leveledUp"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"experience"}},{"kind":"Field","name":{"kind":"Name","value":"experienceToNextLevel"}},{"kind":"Field","name":{"kind":"Name","value":"proficiencyBonus"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"hitPointLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"dieValue"}},{"kind":"Field","name":{"kind":"Name","value":"rolled"}},{"kind":"Field","name":{"kind":"Name","value":"hitPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellcasting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spellSaveDC"}},{"kind":"Field","name":{"kind":"Name","value":"spellAttackBonus"}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<LevelUpMutation, LevelUpMutationVariables>;
export const SetConditionsDocument = {"__meta__":{"hash":"sha256:d82a298136b83464ada246f10c12aa318eaa560e984654d5f4fc2d068695cba8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetConditions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetConditionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setConditions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlayState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<SetConditionsMutation, SetConditionsMutationVariables>;
export const SpendSpellSlotDocument = {"__meta__":{"hash":"sha256:ff563ef276f41f3da62830de97190f42f0f79c3541d7c2e72567eb009847011c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SpendSpellSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SpendSpellSlotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spendSpellSlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pactSlot"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlayState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<SpendSpellSlotMutation, SpendSpellSlotMutationVariables>;
export const UseFeatureDocument = {"__meta__":{"hash":"sha256:4d1d1d42a5975d39d1093ffdfe8c30353ccbfdc3b523e283c5311b9c325849b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UseFeature"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UseFeatureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"useFeature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlayState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<UseFeatureMutation, UseFeatureMutationVariables>;
export const ShortRestDocument = {"__meta__":{"hash":"sha256:81cb118e563d11ad7aa560d90a173484a3a2a59a4b77adb12fdc91c5b4e22838"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShortRest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShortRestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortRest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"healing"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlayState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<ShortRestMutation, ShortRestMutationVariables>;
export const LongRestDocument = {"__meta__":{"hash":"sha256:31ff3abebc3e0cf76610d0e2e63913ca4c8f08176c989c4d9507b2bea5162222"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LongRest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LongRestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"longRest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hitPointsRegained"}},{"kind":"Field","name":{"kind":"Name","value":"hitDiceRegained"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlayState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlayState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Character"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"speed"}},{"kind":"Field","name":{"kind":"Name","value":"maxHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"currentHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"temporaryHitPoints"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"exhaustion"}},{"kind":"Field","name":{"kind":"Name","value":"incapacitated"}},{"kind":"Field","name":{"kind":"Name","value":"dead"}},{"kind":"Field","name":{"kind":"Name","value":"rollEffects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"}},{"kind":"Field","name":{"kind":"Name","value":"modifier"}},{"kind":"Field","name":{"kind":"Name","value":"ability"}},{"kind":"Field","name":{"kind":"Name","value":"circumstance"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hitDice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"die"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"spent"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spellSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pactSlots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureUses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"recharge"}}]}}]}}]} as unknown as DocumentNode<LongRestMutation, LongRestMutationVariables>;
export const ClassSpellsDocument = {"__meta__":{"hash":"sha256:a4028066c0e6ce42a90632a99ae5838cede1ca7e7e21a52c7afd0e0cc1023445"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassSpells"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"class"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CharacterClass"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spells"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"class"},"value":{"kind":"Variable","name":{"kind":"Name","value":"class"}}},{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"school"}},{"kind":"Field","name":{"kind":"Name","value":"ritual"}},{"kind":"Field","name":{"kind":"Name","value":"concentration"}},{"kind":"Field","name":{"kind":"Name","value":"attack"}},{"kind":"Field","name":{"kind":"Name","value":"save"}}]}}]}}]} as unknown as DocumentNode<ClassSpellsQuery, ClassSpellsQueryVariables>;
export const PrepareSpellsDocument = {"__meta__":{"hash":"sha256:d7db091621bba5688e74ddd36f1a7a4e49d1e954d3ee585a870df8b62241f763"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PrepareSpells"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PrepareSpellsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prepareSpells"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"spellLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cantrips"}},{"kind":"Field","name":{"kind":"Name","value":"spellsKnown"}},{"kind":"Field","name":{"kind":"Name","value":"preparedSpells"}},{"kind":"Field","name":{"kind":"Name","value":"spellbookMinimum"}},{"kind":"Field","name":{"kind":"Name","value":"maxSpellLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"spells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spell"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"prepared"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysPrepared"}},{"kind":"Field","name":{"kind":"Name","value":"ritual"}},{"kind":"Field","name":{"kind":"Name","value":"concentration"}},{"kind":"Field","name":{"kind":"Name","value":"attackBonus"}},{"kind":"Field","name":{"kind":"Name","value":"saveDC"}},{"kind":"Field","name":{"kind":"Name","value":"saveAbility"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PrepareSpellsMutation, PrepareSpellsMutationVariables>;
export const ScheduleSessionDocument = {"__meta__":{"hash":"sha256:8a2487d4817336661ed342bbea722589e11a5a78f496675fc8a29203ef249008"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"title"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scheduledFor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"Variable","name":{"kind":"Name","value":"title"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"scheduledFor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scheduledFor"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleSessionMutation, ScheduleSessionMutationVariables>;
export const EndSessionDocument = {"__meta__":{"hash":"sha256:89479938b4520ade54c27aec960d077dbe9f9a784e7f4b5fb57f6bc2bbf57687"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"recap"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dmNotes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"xpAwarded"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"recap"},"value":{"kind":"Variable","name":{"kind":"Name","value":"recap"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dmNotes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dmNotes"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"xpAwarded"},"value":{"kind":"Variable","name":{"kind":"Name","value":"xpAwarded"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"awardedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"experience"}}]}},{"kind":"Field","name":{"kind":"Name","value":"campaign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"xpAwarded"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<EndSessionMutation, EndSessionMutationVariables>;
export const NextRollCommitmentDocument = {"__meta__":{"hash":"sha256:78e64e021b4690451fe04f60868614df34a381f388ee76cc9e069c5b2c6894aa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NextRollCommitment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"character"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextRollCommitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"}}]}}]}}]}}]} as unknown as DocumentNode<NextRollCommitmentQuery, NextRollCommitmentQueryVariables>;
export const RollDiceDocument = {"__meta__":{"hash":"sha256:54931ba0d083a57641625e22066e3ab9cdedf86dd9b6c0d364f6b29b72f07aa1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollDice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RollDiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollDice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RollWithProof"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RollWithProof"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Roll"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"characterId"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"hitPointLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"dice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sides"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverSeed"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"}},{"kind":"Field","name":{"kind":"Name","value":"clientSeed"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"nextCommitment"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}}]}}]}}]} as unknown as DocumentNode<RollDiceMutation, RollDiceMutationVariables>;
export const VerifyRollDocument = {"__meta__":{"hash":"sha256:d2c27fe51e032d7960fadb80852b73412d2be2378184feefeb7d99c0c1385be8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyRoll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rollId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyRoll"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rollId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rollId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"commitmentMatches"}},{"kind":"Field","name":{"kind":"Name","value":"diceMatch"}},{"kind":"Field","name":{"kind":"Name","value":"chainIntact"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}},{"kind":"Field","name":{"kind":"Name","value":"roll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyRollQuery, VerifyRollQueryVariables>;
export const CharacterRollsDocument = {"__meta__":{"hash":"sha256:dec77533ab4fe9a6cbe08b74977e716adc5b60989777921cba830c958aa452e8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CharacterRolls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"characterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"characterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RollWithProof"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RollWithProof"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Roll"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"characterId"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"hitPointLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"dice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sides"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverSeed"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"}},{"kind":"Field","name":{"kind":"Name","value":"clientSeed"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"nextCommitment"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}}]}}]}}]} as unknown as DocumentNode<CharacterRollsQuery, CharacterRollsQueryVariables>;
export const PartyRollsDocument = {"__meta__":{"hash":"sha256:7f126bb52f4f7326ec802997f71de61a8d17845f6afdd6c87d0bb51c97f1de32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PartyRolls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partyRolls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RollWithProof"}},{"kind":"Field","name":{"kind":"Name","value":"character"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RollWithProof"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Roll"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"characterId"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"hitPointLevel"}},{"kind":"Field","name":{"kind":"Name","value":"rolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"dice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sides"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverSeed"}},{"kind":"Field","name":{"kind":"Name","value":"commitment"}},{"kind":"Field","name":{"kind":"Name","value":"clientSeed"}},{"kind":"Field","name":{"kind":"Name","value":"nonce"}},{"kind":"Field","name":{"kind":"Name","value":"nextCommitment"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}}]}}]}}]} as unknown as DocumentNode<PartyRollsSubscription, PartyRollsSubscriptionVariables>;
export const UploadPortraitDocument = {"__meta__":{"hash":"sha256:72e59187f321739f878aa3e9e35e9ad532786c6c9ab5973df31562cd447f61a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadPortrait"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCharacterPortraitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setCharacterPortrait"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}}]} as unknown as DocumentNode<UploadPortraitMutation, UploadPortraitMutationVariables>;