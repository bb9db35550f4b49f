import { capitalize, expand, listJoin, paragraph, withArticle } from '../grammar.js';
import type { Rng } from '#lib/random/prng.js';
import type { Profile } from '../profile.js';
import { promptClause, promptKeywords } from './prompt-words.js';

// Three topics: enough for a short answer of several paragraphs, few enough that each gets a real sentence.
const MAX_TOPICS = 3;

// The caller's words are quoted, so any phrasing (a question, an order, a fragment) reads correctly.
const OPENERS = [
  '“{clause}”: here is how it might play out at the table.',
  '“{clause}”: the answer depends on who is asking, but here is one telling.',
  '“{clause}”: the old stories disagree, so here is the version bards tell most often.',
];
const TOPIC_LINES = [
  'Consider {topic} first: [nothing about it is quite what it seems|everyone in the region has an opinion of it|its history is older than anyone admits].',
  'As for {topic}, [a sage in the nearest city would know more|the locals speak of it only in lowered voices|there is a rumour worth following up].',
  '{topic} matters more than it first appears, because [someone powerful wants it|it ties back to an old betrayal|it has happened before].',
  'Whoever controls {topic} [controls the next move|will not give it up without a fight|owes someone a great deal].',
];
const CLOSERS = [
  'Whatever the party decides, {topics} will not stay quiet for long.',
  'Leave the rest to the dice: {topics} are a thread worth pulling.',
  'Keep {topics} in mind; they will come back when least expected.',
];

/** Answers the prompt procedurally: its own words (the clause and its content words) drive every paragraph. */
export function writeFreeform(profile: Profile, prompt: string, rng: Rng): string {
  // The quote keeps a question's question mark, which promptClause drops for mid-sentence use.
  const clause = promptClause(prompt) + (/^[^.!]*\?/.test(prompt.trim()) ? '?' : '');
  const topics = promptKeywords(prompt, MAX_TOPICS);
  const vars = {
    clause: capitalize(clause),
    name: profile.name,
    topics: listJoin(topics.map((t) => (/^\p{Lu}/u.test(t) ? t : `the ${t}`))) || 'these matters',
  };
  const middle = topics.map((topic) => capitalize(expand(rng.pick(TOPIC_LINES), { topic: /^\p{Lu}/u.test(topic) ? topic : `the ${topic}` }, rng)));
  const identity = [profile.raceGiven ? profile.race : '', profile.classGiven ? profile.characterClass : ''].filter(Boolean).join(' ');
  const who = profile.nameGiven
    ? expand(
        identity ? '[For|To] {name}, {identity}, this is personal.' : '[For|To] {name}, this is personal.',
        { name: profile.name, identity: withArticle(identity) },
        rng,
      )
    : '';
  const where = profile.campaignName ? `In ${profile.campaignName}, this is no idle question.` : '';
  return [paragraph([expand(rng.pick(OPENERS), vars, rng), who, where]), paragraph(middle), paragraph([expand(rng.pick(CLOSERS), vars, rng)])]
    .filter((p) => p.length > 0)
    .join('\n\n');
}
