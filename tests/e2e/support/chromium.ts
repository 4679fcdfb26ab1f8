import { execFileSync } from 'node:child_process';

/** Debian's Chromium: Playwright's own browser download is impossible (and never attempted) here. */
export function chromiumPath(): string {
  const fromEnvironment = process.env['CASIER_CHROMIUM'];
  if (fromEnvironment) {
    return fromEnvironment;
  }
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'Chromium is not installed: run `apt-get install chromium` (npm test does it as root).',
    );
  }
}

/** Root in a container, and no network: these keep Chromium quiet and working here. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
