/**
 * Runs at the end of `npm install` (the "prepare" script): bundles the services and initialises the cached empty
 * PGlite cluster, so that the first `npm start` on a fresh clone starts like any later cold start instead of
 * paying for both (about 6-8 s on two cores). Never fails the install: `npm start` does the same work if needed.
 */
import { ensureTemplate } from '#lib/db/pglite-template.js';
import { buildServices } from './build-services.js';

try {
  await buildServices();
  await ensureTemplate();
  console.log('dnd-tools: services bundled and embedded database template ready');
} catch (err) {
  console.warn(`dnd-tools: could not prepare ahead (${(err as Error).message}); npm start will do it`);
}
