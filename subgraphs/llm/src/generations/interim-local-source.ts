import { LocalProvider, type LocalProviderOptions } from '../providers/local/local-provider.js';
import type { ProviderSource } from './provider-source.js';
import { createStaticSource } from './static-source.js';

/** The local provider alone, as hub.yaml configures out of the box, until the registry is wired in. */
export function createInterimLocalSource(options: LocalProviderOptions = {}): ProviderSource {
  return createStaticSource([new LocalProvider('local', options)]);
}
