import { describe, expect, it } from 'vitest';
import { createProviderRegistry } from './registry.js';

describe('createProviderRegistry', () => {
  it('serves text with local and reports configured providers that are not yet available, without failing', () => {
    const lines: string[] = [];
    const registry = createProviderRegistry({ openai: { model: 'gpt-4o-mini', api_keys: ['k'] }, stable_diffusion: { url: 'http://sd' }, local: {} }, (line) => lines.push(line));
    expect(registry.text?.name).toBe('local');
    expect(registry.unavailable).toEqual(['openai', 'stable_diffusion']);
    expect(lines.filter((l) => l.includes('not yet available'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('"openai"') && l.includes('implemented: local'))).toBe(true);
  });

  it('has no text provider when none configured is implemented, and says so', () => {
    const lines: string[] = [];
    const registry = createProviderRegistry({ openai: {} }, (line) => lines.push(line));
    expect(registry.text).toBeNull();
    expect(lines.some((l) => l.includes('SERVICE_UNAVAILABLE'))).toBe(true);
  });
});
