import { describe, expect, it } from 'vitest';
import type { GenerationContext } from '../provider.js';
import { writeLocalText } from './write-text.js';
import { countTokens } from '../token-counter.js';
import { CLASSES } from './phrases/classes.js';
import { RACES } from './phrases/races.js';

const thorin: GenerationContext = { characterName: 'Thorin', race: 'dwarf', characterClass: 'fighter', background: 'folk hero', alignment: 'lawful good' };
type Request = Parameters<typeof writeLocalText>[0];
// The text LocalProvider.streamText streams, whole: a finish reason and usage as the provider reports them.
const generate = async (request: Partial<Request>) => {
  const { text, truncated, promptTokens, completionTokens } = writeLocalText({
    kind: 'BACKSTORY',
    prompt: null,
    context: thorin,
    seed: 7,
    maxTokens: 2048,
    ...request,
  });
  return { text, finishReason: truncated ? 'length' : 'stop', usage: { promptTokens, completionTokens } };
};

describe('writeLocalText', () => {
  it('writes a backstory of several paragraphs naming the character, race and class, drawing on background and alignment', async () => {
    const result = await generate({});
    expect(result.text).toContain('Thorin');
    expect(result.text).toMatch(/\bdwarf\b/);
    expect(result.text).toMatch(/\bfighter\b/);
    expect(result.text).toContain('folk hero');
    expect(result.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(result.finishReason).toBe('stop');
    const evil = await generate({ context: { ...thorin, alignment: 'chaotic evil' } });
    expect(evil.text).not.toBe(result.text);
  });

  it('is deterministic: the same request and seed give the same text; another seed gives another', async () => {
    const first = await generate({ seed: 1234 });
    expect((await generate({ seed: 1234 })).text).toBe(first.text);
    expect((await generate({ seed: 1235 })).text).not.toBe(first.text);
  });

  it('reads differently for each of the 12 classes x 9 races, beyond the swapped words', async () => {
    const texts = new Set<string>();
    for (const race of Object.keys(RACES)) {
      for (const characterClass of Object.keys(CLASSES)) {
        const { text } = await generate({ context: { characterName: 'Ash', race, characterClass }, seed: 99 });
        expect(text).toContain(race);
        expect(text).toContain(characterClass);
        // Without the race and class words the prose itself must still differ (race and class phrase banks).
        texts.add(
          text
            .replaceAll(race, 'RACE')
            .replaceAll(characterClass, 'CLASS')
            .replace(/\b(a|an) RACE/g, 'A RACE'),
        );
      }
    }
    expect(texts.size).toBe(12 * 9);
  });

  it('understands free-text races and alignments, and keeps unknown ones as written', async () => {
    const hill = await generate({ context: { characterName: 'Dagna', race: 'Hill Dwarf', characterClass: 'Cleric', alignment: 'LG' } });
    expect(hill.text).toContain('hill dwarf');
    expect(hill.text).toContain('cleric');
    const tabaxi = await generate({ context: { characterName: 'Jade', race: 'Tabaxi', characterClass: 'Artificer' } });
    expect(tabaxi.text).toContain('tabaxi');
    expect(tabaxi.text).toContain('artificer');
  });

  it('writes 3 to 5 numbered plot hooks about the campaign and its setting', async () => {
    const setting = 'The Sword Coast, where Neverwinter rebuilds after the eruption of Mount Hotenow.';
    for (const seed of [1, 2, 3, 4, 5]) {
      const { text } = await generate({ kind: 'PLOT_HOOK', context: { campaignName: 'Embers of Neverwinter', setting }, seed });
      const hooks = text.split('\n').filter((line) => /^\d+\. /.test(line));
      expect(hooks.length).toBeGreaterThanOrEqual(3);
      expect(hooks.length).toBeLessThanOrEqual(5);
      expect(hooks.map((h) => Number(h.split('.')[0]))).toEqual(hooks.map((_h, i) => i + 1));
      expect(text).toContain('Embers of Neverwinter');
      expect(text).toContain('the Sword Coast');
      expect(hooks.some((h) => /Neverwinter|Sword Coast|Mount Hotenow/.test(h))).toBe(true);
    }
  });

  it('describes NPCs and locations with the given context', async () => {
    const npc = await generate({ kind: 'NPC_DESCRIPTION', context: { characterName: 'Mirna', race: 'halfling' }, prompt: 'a nervous innkeeper' });
    expect(npc.text).toContain('Mirna, a halfling');
    expect(npc.text).toContain('a nervous innkeeper');
    expect(npc.text).toMatch(/Secret: /);
    const place = await generate({ kind: 'LOCATION_DESCRIPTION', context: { setting: 'The frozen wastes of Icewind Dale.' } });
    expect(place.text).toContain('the frozen wastes of Icewind Dale');
  });

  it('answers a FREEFORM prompt with its own words', async () => {
    const { text } = await generate({ kind: 'FREEFORM', context: {}, prompt: 'Who guards the lighthouse at Saltmarsh and why does its lantern burn green?' });
    expect(text).toContain('Who guards the lighthouse at Saltmarsh');
    expect(text).toMatch(/lighthouse/);
    expect(text).toMatch(/lantern|Saltmarsh/);
  });

  it('respects maxTokens: cut on a sentence or word boundary with finishReason length', async () => {
    const full = await generate({});
    const cut = await generate({ maxTokens: 60 });
    expect(cut.finishReason).toBe('length');
    expect(cut.text.length).toBeLessThanOrEqual(60 * 4);
    expect(cut.usage.completionTokens).toBeLessThanOrEqual(60);
    expect(full.text.startsWith(cut.text)).toBe(true);
    // Never half a word: the cut ends a sentence, or the full text continues with a space or punctuation.
    expect(/[.!?]$/.test(cut.text) || /^[\s,;:]/.test(full.text.slice(cut.text.length))).toBe(true);
    const sentence = await generate({ maxTokens: 150 });
    expect(sentence.text).toMatch(/[.!?]$/);
    expect(sentence.text.length).toBeGreaterThan(300);
    const tiny = await generate({ maxTokens: 1 });
    expect(tiny.text.length).toBeLessThanOrEqual(4);
  });

  it('counts tokens with the o200k tokenizer, over the prompt a model would see', async () => {
    const result = await generate({});
    expect(result.usage.completionTokens).toBe(countTokens(result.text));
    // English prose: between 2 and 8 characters per token, whatever the exact merges.
    expect(result.usage.completionTokens).toBeGreaterThan(result.text.length / 8);
    expect(result.usage.completionTokens).toBeLessThan(result.text.length / 2);
    const withPrompt = await generate({ prompt: 'the old dragon sleeps '.repeat(50) });
    expect(withPrompt.usage.promptTokens - result.usage.promptTokens).toBeGreaterThanOrEqual(150);
  });

  it('prints the caller’s words as written, never as template syntax', async () => {
    const { text } = await generate({ context: { ...thorin, characterName: 'Bob {name} [a|b]' }, seed: 3 });
    expect(text).toContain('Bob {name} [a|b]');
  });
});
