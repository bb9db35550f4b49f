/**
 * One-off rewrite of relative imports that climb to lib/ ('../../../lib/auth/index.js') into the package's
 * subpath import ('#lib/auth/index.js', package.json "imports"): a file's imports then read the same wherever it
 * sits, and moving it does not break them. Run: `npx tsx scripts/codemods/lib-imports.ts`; prints what it changed.
 * Idempotent: a second run finds nothing to change. Paths given as arguments are left alone (files being edited elsewhere).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const libDir = path.join(root, 'lib');
// A quoted relative specifier in import/export ... from, import(), vi.mock() and vi.importActual().
const SPECIFIER = /(['"])(\.\.?\/[^'"\n]*)\1/g;

const files = execFileSync('git', ['ls-files', '*.ts', '*.mts'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const skipped = new Set(process.argv.slice(2));
let changedFiles = 0;
let changedImports = 0;
for (const file of files) {
  if (skipped.has(file)) continue;
  const absolute = path.join(root, file);
  // lib's own files keep their relative imports: they are the package's inside, not its users.
  if (absolute.startsWith(libDir + path.sep)) continue;
  const source = readFileSync(absolute, 'utf8');
  let count = 0;
  const rewritten = source.replace(SPECIFIER, (match, quote: string, specifier: string) => {
    const target = path.resolve(path.dirname(absolute), specifier);
    if (!target.startsWith(libDir + path.sep)) return match;
    count++;
    return `${quote}#lib/${path.relative(libDir, target).split(path.sep).join('/')}${quote}`;
  });
  if (count === 0) continue;
  writeFileSync(absolute, rewritten);
  changedFiles++;
  changedImports += count;
}
console.log(`lib-imports: ${changedImports} imports in ${changedFiles} files now use #lib/`);
