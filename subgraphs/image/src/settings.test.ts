import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES, imageUrl, loadImageSettings } from './settings.js';

describe('loadImageSettings', () => {
  it('defaults to 5 MiB and gateway-relative URLs', () => {
    const settings = loadImageSettings({});
    expect(settings).toEqual({ maxBytes: DEFAULT_MAX_BYTES, publicBaseUrl: '' });
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(imageUrl(settings, 'abc')).toBe('/images/abc');
  });

  it('prefixes PUBLIC_BASE_URL and reads IMAGE_MAX_BYTES', () => {
    const settings = loadImageSettings({ PUBLIC_BASE_URL: 'https://dnd.example.com/', IMAGE_MAX_BYTES: '1024' });
    expect(settings.maxBytes).toBe(1024);
    expect(imageUrl(settings, 'abc')).toBe('https://dnd.example.com/images/abc');
  });

  it('stops start-up on a bad value, naming the variable', () => {
    expect(() => loadImageSettings({ IMAGE_MAX_BYTES: '5MB' })).toThrow(/IMAGE_MAX_BYTES/);
    expect(() => loadImageSettings({ IMAGE_MAX_BYTES: '0' })).toThrow(/IMAGE_MAX_BYTES/);
    expect(() => loadImageSettings({ PUBLIC_BASE_URL: 'dnd.example.com' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
