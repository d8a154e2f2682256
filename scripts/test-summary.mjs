// Prints the plain `N passed, N failed` line from Vitest's JSON report (CI reads that line).
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? 'test-output/vitest-report.json';
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const failed =
  report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
