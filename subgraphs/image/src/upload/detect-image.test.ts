import { DomainError } from '#lib/domain/index.js';
import { domainErrorToGraphQL } from '#lib/subgraph/index.js';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GIF, sampleJpeg, samplePng, sampleWebp } from '../testing/sample-images.js';
import { decodeBase64Upload, maxBase64Length } from './decode-base64.js';
import { detectImage } from './detect-image.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    // The code a client would see: the subgraph kit maps the domain error at the edge.
    return error instanceof DomainError ? domainErrorToGraphQL(error).extensions.code : error;
  }
  return 'no error';
}

describe('detectImage', () => {
  it('reads type and dimensions of PNG, JPEG and WebP from the bytes', () => {
    expect(detectImage(samplePng(3, 2))).toEqual({ mimeType: 'image/png', width: 3, height: 2 });
    expect(detectImage(sampleJpeg(640, 480))).toEqual({ mimeType: 'image/jpeg', width: 640, height: 480 });
    expect(detectImage(sampleWebp(300, 200))).toEqual({ mimeType: 'image/webp', width: 300, height: 200 });
  });

  it('refuses GIF, text, HTML behind a PNG signature and truncated files', () => {
    expect(codeOf(() => detectImage(SAMPLE_GIF))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => detectImage(Buffer.from('hello world')))).toBe('BAD_USER_INPUT');
    const disguised = Buffer.concat([samplePng(1, 1).subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(codeOf(() => detectImage(disguised))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => detectImage(samplePng(4, 4).subarray(0, 18)))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => detectImage(Buffer.from('RIFF\0\0\0\0WEBPjunk')))).toBe('BAD_USER_INPUT');
  });
});

describe('decodeBase64Upload', () => {
  it('decodes strict base64 and refuses anything else', () => {
    expect(decodeBase64Upload(Buffer.from('abc').toString('base64'), 10)).toEqual(Buffer.from('abc'));
    for (const bad of ['', 'abc', 'ab!=', 'YWJj\nZGVm', 'data:image/png;base64,YWJj', 'YW==YWJj']) {
      expect(codeOf(() => decodeBase64Upload(bad, 100))).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses more than the limit, by text length before decoding and exactly after', () => {
    expect(decodeBase64Upload(Buffer.alloc(10).toString('base64'), 10)).toHaveLength(10);
    expect(codeOf(() => decodeBase64Upload(Buffer.alloc(11).toString('base64'), 10))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => decodeBase64Upload('A'.repeat(maxBase64Length(10) + 4), 10))).toBe('BAD_USER_INPUT');
  });
});
