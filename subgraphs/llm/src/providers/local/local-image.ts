/**
 * The local provider's images: deterministic procedural avatars, not a diffusion model. DiceBear's "Lorelei" style
 * (by Lisa Wischofsky, CC0 1.0, https://www.figma.com/community/file/1198749693280469639) drawn as SVG from a seed,
 * centred on a seeded background at the requested size and rasterised to a real PNG with resvg.
 */
import { createHash } from 'node:crypto';
import { createAvatar } from '@dicebear/core';
import { lorelei } from '@dicebear/collection';
import { Resvg } from '@resvg/resvg-js';

/** Reported as the model of every local image; bump the version when the drawing changes output. */
export const LOCAL_IMAGE_MODEL = 'local-avatar-lorelei-v1';

// Soft parchment, dusk and stone tones: portraits of a fantasy game, readable behind the style's dark outlines.
const BACKGROUNDS = ['f3e9d2', 'd9c8a9', 'c9d6df', 'b8c4a7', 'e6d3e9', 'd6e4f0', 'f0d9c9', 'cfcfc4'];

/** The same prompt and seed always give the same avatar; either one changing gives another. */
export function avatarSeed(prompt: string, seed: number): string {
  return createHash('sha256').update(`${seed}\u0000${prompt}`).digest('hex');
}

export function drawAvatarSvg(prompt: string, seed: number, width: number, height: number): string {
  const key = avatarSeed(prompt, seed);
  const background = BACKGROUNDS[parseInt(key.slice(0, 8), 16) % BACKGROUNDS.length];
  const side = Math.min(width, height);
  const avatar = createAvatar(lorelei, { seed: key, size: side }).toString();
  // The style is square: a non-square request gets the avatar centred on a full-size background.
  const x = Math.floor((width - side) / 2);
  const y = Math.floor((height - side) / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#${background}"/>` +
    `<g transform="translate(${x} ${y})">${avatar}</g></svg>`
  );
}

export function drawAvatarPng(prompt: string, seed: number, width: number, height: number): Buffer {
  const svg = drawAvatarSvg(prompt, seed, width, height);
  // No system fonts: the style draws only shapes, and loading fonts costs resvg tens of milliseconds per image.
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return rendered.asPng();
}
