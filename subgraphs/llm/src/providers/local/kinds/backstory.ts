import { capitalize, expand, paragraph, phrase } from '../grammar.js';
import type { Rng } from '#lib/random/prng.js';
import { alignmentSentences, profileVars, type Profile } from '../profile.js';
import { promptClause } from './prompt-words.js';

/**
 * Opening lines: each names the character, their race and their class in the first sentence, so even a
 * backstory cut short by maxTokens says who it is about.
 */
const OPENINGS = [
  '{name} is {aRace} {class}, and [few who meet them forget it|the road has not been kind to them|their story is far from finished].',
  'Ask about {name} in any tavern and you will hear of {aRace} {class} with more past than they admit to.',
  'Long before anyone called {name} {aClass}, they were simply {aRace} from {homeland}.',
  '{name}, {aRace} {class}, [rarely speaks of the past|tells their story only to those who earn it|carries their history like a second pack].',
];

const TURNS = ['Everything changed the year {turn}.', 'Then came the day {turn}, and nothing was the same.', 'That life ended abruptly when {turn}.'];

const TURN_EVENTS = [
  'raiders burned the granary and {name} chose to fight instead of flee',
  'a stranger arrived with a sealed letter bearing {name}’s name',
  'a friend vanished on the old road and no one else would look for them',
  'a comet hung in the sky for nine nights and the elders fell silent',
  'the local lord demanded a price no family could pay',
  'a plague swept the valley and left {name} among the few untouched',
];

const PRESENT = [
  'Now {name} travels with {gear}, {goalIntro} {goal}.',
  'These days {name} carries {gear} and one clear purpose: {goal}.',
  '{name} still keeps {gear} close, and has never stopped working {goalIntro} {goal}.',
];

const FLAWS = [
  '[Pride|Stubbornness|A quick temper] has cost {name} friends before, and may again.',
  '{name} trusts too slowly and forgives even more slowly.',
  'For all their courage, {name} is afraid of being forgotten.',
  '{name} has a weakness for [long odds|a good wager|lost causes] that companions have learned to worry about.',
];

/** Several paragraphs: origins, former life, calling and convictions, and where the character stands now. */
export function writeBackstory(profile: Profile, prompt: string | null, rng: Rng): string {
  const vars = profileVars(profile, rng.pick(profile.raceBank.homelands));
  const looks = rng.pick(profile.raceBank.looks);
  const values = rng.pick(profile.raceBank.values);

  const origins = paragraph([
    phrase(OPENINGS, vars, rng),
    phrase(profile.raceBank.upbringing, vars, rng),
    expand(`Those who know {name} notice ${looks} first, and only later the devotion to ${values}.`, vars, rng),
  ]);

  const former = paragraph([
    profile.background ? phrase(profile.backgroundBank.past, vars, rng) : '',
    expand(rng.pick(TURNS).replace('{turn}', rng.pick(TURN_EVENTS)), vars, rng),
  ]);

  const moment = rng.pick(profile.classBank.moment);
  const calling = paragraph([
    phrase(profile.classBank.calling, vars, rng),
    expand(`As {aClass}, {name} ${moment}.`, vars, rng),
    ...alignmentSentences(profile).map((bank) => phrase(bank, vars, rng)),
  ]);

  const goalVars = {
    ...vars,
    gear: rng.pick(profile.classBank.gear),
    goal: rng.pick(profile.classBank.goals),
    goalIntro: rng.pick(['determined', 'resolved', 'sworn']),
  };
  // The caller's words travel only as variables, never inside a template, so "[" or "{" in them prints as typed.
  const campaignVars = { ...vars, campaign: profile.campaignName ?? '', where: profile.setting?.summary ?? '' };
  const campaignLine = profile.setting
    ? phrase(
        [
          'The road has now led {name} to {where}; [old debts may finally come due there|the next chapter is waiting there|allies and enemies there are not yet easy to tell apart].',
          'Now {name} has come to {where}, [hoping no one there knows their name|where their skills are badly needed|with no plan to leave soon].',
        ],
        campaignVars,
        rng,
      )
    : profile.campaignName
      ? phrase(['{name}’s next chapter begins in {campaign}.', 'Whatever comes next, {name} will face it in {campaign}.'], campaignVars, rng)
      : '';
  const extra = prompt ? capitalize(`${promptClause(prompt)}: that, too, is part of ${profile.name}’s story.`) : '';
  const present = paragraph([phrase(PRESENT, goalVars, rng), phrase(FLAWS, vars, rng), extra, campaignLine]);

  return [origins, former, calling, present].filter((p) => p.length > 0).join('\n\n');
}
