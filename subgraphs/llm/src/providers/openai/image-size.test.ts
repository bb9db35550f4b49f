import { describe, expect, it } from 'vitest';
import { imageSizeFor } from './image-size.js';

describe('imageSizeFor', () => {
  it('keeps the shape and picks the nearest size an OpenAI model supports', () => {
    expect(imageSizeFor('dall-e-3', 512, 896)).toBe('1024x1792');
    expect(imageSizeFor('dall-e-3', 800, 800)).toBe('1024x1024');
    expect(imageSizeFor('gpt-image-1', 1600, 1000)).toBe('1536x1024');
    expect(imageSizeFor('dall-e-2', 300, 300)).toBe('256x256');
    expect(imageSizeFor('dall-e-2', 700, 700)).toBe('512x512');
  });

  it('asks other models (compatible servers) for the exact size', () => {
    expect(imageSizeFor('flux-schnell', 640, 480)).toBe('640x480');
  });
});
