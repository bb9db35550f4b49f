/**
 * Bundles each service's entry point (the four subgraphs and the gateway) into one ES module under .build/.
 * Why: run through tsx, every process resolves and transpiles a thousand files at start (about 3.7 s of CPU each,
 * five processes on two cores); a bundle starts in well under half that. The bundles are rebuilt only when a
 * source file or the lockfile is newer than the last build, so a second `npm start` pays nothing.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from '#lib/config/paths.js';

export type BundledProcess = 'character' | 'campaign' | 'image' | 'llm' | 'gateway';

export const BUILD_DIR = path.join(repoRoot, '.build');
const ENTRIES: Record<BundledProcess, string> = {
  character: 'subgraphs/character/src/main.ts',
  campaign: 'subgraphs/campaign/src/main.ts',
  image: 'subgraphs/image/src/main.ts',
  llm: 'subgraphs/llm/src/main.ts',
  gateway: 'gateway/src/main.ts',
};
const SOURCE_DIRS = ['lib', 'gateway/src', ...['character', 'campaign', 'image', 'llm'].map((s) => `subgraphs/${s}/src`)];
const STAMP = path.join(BUILD_DIR, '.stamp');

export function bundlePath(name: BundledProcess): string {
  return path.join(BUILD_DIR, `${name}.mjs`);
}

/**
 * Source files find their schema.graphql, migrations and the repository root relative to themselves
 * (`new URL('../drizzle', import.meta.url)`); inside a bundle that would point into .build/. Each module's
 * import.meta.url is therefore replaced by its own source file's URL.
 */
const keepSourceUrls: Plugin = {
  name: 'keep-source-urls',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  // This file too: a change to the build options must rebuild the bundles.
  const inputs = Math.max(
    statSync(path.join(repoRoot, 'package-lock.json')).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    ...SOURCE_DIRS.map((d) => newestMtime(path.join(repoRoot, d))),
  );
  return inputs < built && (Object.keys(ENTRIES) as BundledProcess[]).every((name) => existsSync(bundlePath(name)));
}

export async function buildServices(): Promise<void> {
  if (upToDate()) return;
  const startedAt = Date.now();
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, path.join(repoRoot, entry)])),
    outdir: BUILD_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // PGlite loads its WebAssembly and data files from its own package folder; pg-native is optional and absent.
    // @resvg/resvg-js is a native module (a .node binary per platform) that esbuild cannot inline.
    // @apollo/utils.createhash uses node:crypto only through `module.require`, which a bundled CommonJS module lacks:
    // bundled, the gateway hashed every operation with a pure-JS SHA-256 (sha.js), about 2% of its CPU under load.
    external: ['@electric-sql/pglite', 'pg-native', '@apollo/utils.createhash', '@resvg/resvg-js'],
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [keepSourceUrls],
    logLevel: 'warning',
  });
  writeFileSync(STAMP, new Date(startedAt).toISOString());
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildServices();
  console.log(`bundles up to date in ${path.relative(repoRoot, BUILD_DIR)}/`);
}
