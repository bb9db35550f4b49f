/** frontend-sdk/README.md quotes the example scripts whole: tests/playground.e2e.ts runs those files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);
const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');

describe('frontend-sdk/README.md', () => {
  const quoted = [...readme.matchAll(/<!-- example: ([\w.-]+) -->\n```ts\n([\s\S]*?)\n```/g)];

  it('quotes every example script', () => {
    expect(quoted.map((match) => match[1]).sort()).toEqual(['list-characters.ts', 'new-character.ts', 'stream-backstory.ts']);
  });

  it.each(quoted.map((match) => [match[1] ?? '', match[2] ?? ''] as const))('quotes examples/%s as it is', (file, code) => {
    expect(code).toBe(readFileSync(path.join(dir, 'examples', file), 'utf8').trimEnd());
  });
});
