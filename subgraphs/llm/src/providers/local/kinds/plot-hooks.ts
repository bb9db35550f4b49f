import { capitalize, expand } from '../grammar.js';
import type { Rng } from '#lib/random/prng.js';
import type { Profile } from '../profile.js';
import { promptClause } from './prompt-words.js';

// Used when the setting names no places of its own.
const GENERIC_PLACES = ['the old watchtower', 'the drowned chapel', 'the border fort', 'the salt mines', 'the ruined abbey', 'the market town'];
const PATRONS = [
  'a nervous guildmaster',
  'a retired adventurer with one arm',
  'the harbourmaster',
  'a temple scribe',
  'a widowed baroness',
  'a talkative goblin merchant',
];
const THREATS = [
  'a cult of the [Black Flame|Hollow Eye|Drowned God]',
  'a young [green|black|white] dragon',
  'a band of hobgoblin raiders',
  'a necromancer raising the recent dead',
  'a doppelganger in the town council',
  'a hag who trades in memories',
];
const PRIZES = [
  'a map to a vault sealed before the last war',
  'a crown that whispers to whoever wears it',
  'a ledger of bribes paid to half the council',
  'a shard of a shattered holy sword',
  'an egg that is warm to the touch',
];

/**
 * Hook templates; `{place}` and `{other}` are names from the setting when it names some.
 * Each ends on a question or stake so the table has something to decide.
 */
const HOOKS = [
  '{patron} offers good coin to anyone who will find out why the lights in {place} burn again after twenty dark years.',
  'Travellers from {place} arrive with the same nightmare: {threat} waking beneath the ground. Someone has to go and see.',
  'A dying courier presses a sealed satchel into the party’s hands: it holds {prize}, and riders from {other} are already on the road.',
  'The people of {place} have stopped trading with {other}, and nobody will say why; {patron} suspects {threat}.',
  '{patron} has lost {prize} somewhere in {place} and will pay in favours, not gold.',
  'Every night for a week a bell has rung in {place}, though the bell was melted down a generation ago; {threat} may be answering it.',
  'A contest is announced in {other}: whoever brings back {prize} from {place} wins a seat on the council.',
];

const PERSONAL = [
  'Someone in {place} is asking after {name} by name, and knows things about their past that no stranger should.',
  '{name} recognises a symbol painted on a door in {place}: the same one from the worst night of their life.',
];

/** 3-5 numbered hooks, introduced by the campaign's name and setting so they belong to this campaign. */
export function writePlotHooks(profile: Profile, prompt: string | null, rng: Rng): string {
  const places = profile.setting?.names.length ? profile.setting.names : GENERIC_PLACES;
  const count = rng.int(3, 5);
  const templates = rng.sample(HOOKS, count);
  if (profile.nameGiven) templates[count - 1] = rng.pick(PERSONAL);

  const hooks = templates.map((template, index) => {
    const [place, other] = rng.sample(places, 2);
    const vars = {
      name: profile.name,
      place: place ?? rng.pick(GENERIC_PLACES),
      // A setting with a single name: the second place comes from the generic list.
      other: other ?? rng.pick(GENERIC_PLACES.filter((p) => p !== place)),
      patron: expand(rng.pick(PATRONS), {}, rng),
      threat: expand(rng.pick(THREATS), {}, rng),
      prize: rng.pick(PRIZES),
    };
    const text = expand(template, vars, rng);
    return `${index + 1}. ${capitalize(text)}`;
  });

  const campaign = profile.campaignName ? `Plot hooks for ${profile.campaignName}` : 'Plot hooks';
  const where = profile.setting ? `, set in ${profile.setting.summary}` : '';
  const focus = prompt ? ` Focus: ${promptClause(prompt)}.` : '';
  return [`${campaign}${where}.${focus}`, ...hooks].join('\n\n');
}
