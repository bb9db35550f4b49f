import { expand, paragraph } from '../grammar.js';
import type { Rng } from '#lib/random/prng.js';
import type { Profile } from '../profile.js';
import { promptClause } from './prompt-words.js';

const ADJECTIVES = ['Sunken', 'Whispering', 'Broken', 'Amber', 'Forgotten', 'Crooked', 'Silent', 'Ashen'];
const NOUNS = ['Mill', 'Lantern', 'Gate', 'Spire', 'Crossing', 'Hollow', 'Market', 'Barrow'];
const SIGHTS = [
  'Moss-covered stones lean together like old gossips, and a single path winds between them',
  'Rows of shuttered houses line a street that was paved once and is mud now',
  'A great stair climbs into the fog, its steps worn hollow by centuries of feet',
  'Lanterns of coloured glass hang from every eave, throwing patches of red and green on the cobbles',
];
const SENSES = [
  'The air smells of [wet stone and woodsmoke|salt and tar|incense and old paper], and somewhere water drips in a slow rhythm',
  'A low wind carries [distant chanting|the creak of rigging|the bark of a dog that never comes closer]',
  'It is too quiet: even the birds keep away',
];
const DWELLERS = [
  'A handful of wary locals watch newcomers from doorways and say little until coin is shown',
  'A family of [goblins|kobolds|svirfneblin] has made a home here and defends it fiercely',
  'The only resident is an old caretaker who insists the place is not abandoned, merely waiting',
];
const FINDS = [
  'Behind a loose stone lies a bundle of letters sealed with a noble crest',
  'A mural, half flaked away, shows a map that matches no map in any library',
  'In the cellar a locked chest bears the mark of a long-dead adventuring company',
];
const DANGERS = [
  'The floor in the eastern hall is rotten through, and something large lives underneath',
  'At midnight the doors lock themselves, and the lanterns go out one by one',
  'A [gelatinous cube|pair of ghouls|swarm of stirges] treats the lower level as its larder',
];

/** Read-aloud prose in paragraphs: arrival, senses and residents, what can be found, what can go wrong. */
export function writeLocation(profile: Profile, prompt: string | null, rng: Rng): string {
  const name =
    profile.setting?.names.length && rng.chance(0.5)
      ? `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} of ${rng.pick(profile.setting.names)}`
      : `the ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  const vars = { place: name };
  const intro = expand('[The party comes to|The road ends at|Beyond the next rise lies] {place}', vars, rng) + (prompt ? `: ${promptClause(prompt)}.` : '.');
  const where = profile.setting ? `It lies in ${profile.setting.summary}${profile.campaignName ? `, in the world of ${profile.campaignName}` : ''}` : '';
  return [
    paragraph([intro, where, expand(rng.pick(SIGHTS), vars, rng)]),
    paragraph([expand(rng.pick(SENSES), vars, rng), expand(rng.pick(DWELLERS), vars, rng)]),
    paragraph([rng.pick(FINDS), expand(rng.pick(DANGERS), vars, rng)]),
  ].join('\n\n');
}
