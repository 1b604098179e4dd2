#!/usr/bin/env node
// Runs dockerfilelint on the given Dockerfiles and fails on any finding, except one known false
// positive: dockerfilelint 1.8.0 matches HEALTHCHECK options with /--\w+/, which cuts
// "--start-period" to "--start" and then calls the instruction invalid. Only that exact finding
// (a HEALTHCHECK line using --start-period, reported as "Invalid Argument Format") is dropped.
//
//   node tools/deploy-check/lint-dockerfile.mjs docker/Dockerfile
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: lint-dockerfile.mjs <Dockerfile>...');
  process.exit(2);
}

const result = spawnSync(process.execPath, [bin, '--json', ...files], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(`[dockerfilelint] could not run: ${result.stderr || result.stdout}`);
  process.exit(2);
}

const knownFalsePositive = (issue) => issue.title === 'Invalid Argument Format'
  && /^HEALTHCHECK\b/.test(issue.content) && issue.content.includes('--start-period=');

let problems = 0;
for (const file of report.files) {
  const issues = file.issues.filter((issue) => !knownFalsePositive(issue));
  for (const issue of issues) {
    console.error(`[dockerfilelint] ${file.file}:${issue.line}: ${issue.category}: ${issue.title}: ${issue.description}\n    ${issue.content}`);
  }
  problems += issues.length;
  if (issues.length === 0) console.log(`[dockerfilelint] ok: ${file.file}`);
}
process.exit(problems === 0 ? 0 : 1);
