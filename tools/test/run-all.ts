/**
 * `npm test`: everything CI runs, in order, on one machine. Static checks, unit and
 * integration tests (Vitest: real SQLite files, real ptys), the build, then browser tests
 * (Playwright in Debian Chromium). Every step runs even when an earlier one failed, so one
 * run shows every problem; the exit code is non-zero if any failed. The last line is the
 * plain `casier: N passed, N failed` summary CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../../src-main/app-root.js';
import { ensureSystemPackages } from '../system-packages.js';

const root = findAppRoot(import.meta.url);
const reports = join(root, 'test-results');

interface StepOutcome {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
}

function run(
  name: string,
  command: string,
  args: string[],
  countTests?: () => { passed: number; failed: number },
): StepOutcome {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  const counts = countTests?.() ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that crashed before writing its report still counts as a failure.
  return {
    name,
    ok,
    passed: counts.passed,
    failed: ok ? counts.failed : Math.max(counts.failed, 1),
  };
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function vitestCounts(): { passed: number; failed: number } {
  const report = readJson(join(reports, 'vitest.json')) as
    { numPassedTests?: number; numFailedTests?: number } | undefined;
  return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
}

function playwrightCounts(): { passed: number; failed: number } {
  const report = readJson(join(reports, 'playwright.json')) as
    { stats?: { expected?: number; unexpected?: number; flaky?: number } } | undefined;
  const stats = report?.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
}

function main(): number {
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  try {
    ensureSystemPackages((line) => console.log(line));
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const outcomes: StepOutcome[] = [
    run('typecheck', npm, ['run', '--silent', 'typecheck']),
    run('lint', npm, ['run', '--silent', 'lint']),
    run('format', npm, ['run', '--silent', 'format:check']),
    run(
      'unit and integration tests',
      npx,
      [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, 'vitest.json')}`,
      ],
      vitestCounts,
    ),
    run('build', npm, ['run', '--silent', 'build']),
    run('browser tests', npx, ['playwright', 'test'], playwrightCounts),
  ];
  console.log('\nSummary');
  for (const outcome of outcomes) {
    console.log(
      `  ${outcome.ok ? 'ok  ' : 'FAIL'} ${outcome.name} (${outcome.passed} passed, ${outcome.failed} failed)`,
    );
  }
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
  console.log(`casier: ${passed} passed, ${failed} failed`);
  return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
}

process.exitCode = main();
