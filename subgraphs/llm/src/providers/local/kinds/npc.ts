import { capitalize, expand, withArticle } from '../grammar.js';
import type { Rng } from '#lib/random/prng.js';
import type { Profile } from '../profile.js';
import { promptClause } from './prompt-words.js';

const OCCUPATIONS = [
  'innkeeper',
  'blacksmith',
  'ferry keeper',
  'temple healer',
  'fence for stolen goods',
  'retired sellsword',
  'herbalist',
  'tax collector',
  'cartographer',
  'gravedigger',
];
const MANNERS = [
  'speaks in a whisper and makes everyone lean in',
  'laughs too loudly at their own jokes',
  'answers every question with another question',
  'never sits with their back to a door',
  'is unfailingly polite, right up until they are not',
  'hums old marching songs while they work',
];
const WANTS = [
  'enough gold to buy back the family farm',
  'news of a [sibling|daughter|son] who went off to war',
  'revenge on a merchant prince who ruined them',
  'a quiet life, which adventurers keep ruining',
  'someone to escort a delicate cargo, no questions asked',
  'proof that the town council is rotten',
];
const SECRETS = [
  'they once served the very villain the party now hunts',
  'they are paying off a debt to a thieves’ guild',
  'the ring they wear belonged to a murdered noble',
  'they are not who their neighbours think they are',
  'they know where the old tunnels under the town lead',
  'they have been sending letters to someone across the border',
];
const SAYINGS = [
  'Coin first, questions never.',
  'I have seen your kind before. They all came back in a cart.',
  'Sit, eat. Trouble will still be there when you are done.',
  'You did not hear this from me.',
  'Everyone in this town owes someone. Who do you owe?',
];

/** A compact NPC sheet: who, what they look like, how they behave, what they want and hide, one line of speech. */
export function writeNpc(profile: Profile, prompt: string | null, rng: Rng): string {
  const role = prompt ? promptClause(prompt) : profile.classGiven ? `a ${profile.characterClass} in hiding` : rng.pick(OCCUPATIONS);
  const place = profile.setting?.names.length ? rng.pick(profile.setting.names) : null;
  const vars = { name: profile.name };
  const [look, otherLook] = rng.sample(profile.raceBank.looks, 2);
  const lines = [
    `${profile.name}, ${withArticle(profile.race)}${place ? ` of ${place}` : ''}${profile.campaignName ? ` (${profile.campaignName})` : ''}.`,
    // The caller's own words for the role stay as written (not capitalised or rephrased).
    `Role: ${role}.`,
    `Appearance: ${capitalize(expand(look ?? '', vars, rng))}${otherLook ? `, and ${expand(otherLook, vars, rng)}` : ''}.`,
    `Manner: ${profile.name} ${rng.pick(MANNERS)}.`,
    `Wants: ${capitalize(expand(rng.pick(WANTS), vars, rng))}.`,
    `Secret: ${capitalize(rng.pick(SECRETS))}.`,
    `Values: ${capitalize(rng.pick(profile.raceBank.values))}.`,
    `Says: “${rng.pick(SAYINGS)}”`,
  ];
  return lines.join('\n');
}
