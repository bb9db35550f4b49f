/**
 * npm run attacks: the hostile-input suite (tests/attacks) alone, ending with one line
 * `attacks: N tried, N refused, N leaks, N writes`. An attack whose assertion failed is a leak or a write by the
 * message tests/attacks/expect-refused.ts gives it (LEAK: / WRITE:); any other failure counts as a leak, since the
 * attack was not refused as it must be. `--report <vitest json>` summarises a run already made (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface Report {
  testResults?: Array<{ name: string; assertionResults?: Array<{ status: string; failureMessages?: string[] }> }>;
}

const { values } = parseArgs({ options: { report: { type: 'string' } } });
let reportFile = values.report;
let runFailed = false;
if (!reportFile) {
  reportFile = path.join(mkdtempSync(path.join(tmpdir(), 'attacks-')), 'report.json');
  const run = spawnSync('npx', ['vitest', 'run', 'tests/attacks', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], {
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' },
  });
  runFailed = run.status !== 0;
}

let tried = 0;
let refused = 0;
let leaks = 0;
let writes = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  for (const file of report.testResults ?? []) {
    if (!file.name.includes(`${path.sep}attacks${path.sep}`)) continue;
    for (const attack of file.assertionResults ?? []) {
      if (attack.status === 'skipped' || attack.status === 'pending') continue;
      tried++;
      if (attack.status === 'passed') refused++;
      else if ((attack.failureMessages ?? []).some((message) => message.includes('WRITE:'))) writes++;
      else leaks++;
    }
  }
} catch {
  console.error(`no readable report at ${reportFile}`);
  runFailed = true;
}
console.log(`attacks: ${tried} tried, ${refused} refused, ${leaks} leaks, ${writes} writes`);
process.exit(runFailed || leaks > 0 || writes > 0 || tried === 0 ? 1 : 0);
