// Adds up vitest JSON reports into the one plain line CI reads: "N passed, N failed".
// A missing or unreadable report counts as a failure: a suite that crashed before reporting did not pass.
// An argument `check:<name>:<exit code>` is one more result: a step like lint that passes or fails as a whole.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const check = /^check:([\w:-]+):(\d+)$/.exec(file);
  if (check) {
    if (check[2] === '0') passed += 1;
    else {
      console.error(`${check[1]} failed (exit code ${check[2]})`);
      failed += 1;
    }
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that failed to load has no tests but a failed suite: count it once.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
    }
    if ((report.numTotalTests ?? 0) === 0) failed += 1;
  } catch {
    console.error(`no readable test report at ${file}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
