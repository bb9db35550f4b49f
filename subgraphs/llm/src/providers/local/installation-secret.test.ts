import { afterEach, describe, expect, it } from 'vitest';
import { composeLocalText } from './write-text.js';

const request = {
  kind: 'PLOT_HOOK' as const,
  prompt: null,
  context: { campaignName: 'The Sunless Citadel', setting: 'A ruined fortress in a ravine' },
  seed: 7,
  maxTokens: 400,
};
const given = process.env.LOCAL_PROVIDER_SECRET;
afterEach(() => {
  if (given === undefined) delete process.env.LOCAL_PROVIDER_SECRET;
  else process.env.LOCAL_PROVIDER_SECRET = given;
});

describe("the local provider's installation secret", () => {
  it('keeps one installation reproducible, and makes another write other text from the same public inputs', () => {
    process.env.LOCAL_PROVIDER_SECRET = 'installation-a';
    const first = composeLocalText(request).text;
    expect(composeLocalText(request).text).toBe(first);
    process.env.LOCAL_PROVIDER_SECRET = 'installation-b';
    expect(composeLocalText(request).text).not.toBe(first);
  });
});
