/**
 * Debian packages the test suite needs, and how each is recognised on the machine.
 * `npm test` installs the missing ones itself when run as root, or names them and stops.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface SystemPackage {
  debianName: string;
  why: string;
}

export const requiredSystemPackages: SystemPackage[] = [
  {
    debianName: 'chromium',
    why: 'browser tests of the kiosk UI (Playwright drives Debian Chromium)',
  },
  {
    debianName: 'socat',
    why: 'pseudo-terminal pairs between the kiosk and the lock-board simulator',
  },
  { debianName: 'libusb-1.0-0', why: 'node-hid (HID POS barcode scanners)' },
  {
    debianName: 'postgresql',
    why: 'the cloud tests and chaos suite on a real PostgreSQL server (besides PGlite)',
  },
];

export function isInstalled(debianName: string): boolean {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', debianName], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

export function missingSystemPackages(
  wanted: SystemPackage[] = requiredSystemPackages,
): SystemPackage[] {
  return wanted.filter((pkg) => !isInstalled(pkg.debianName));
}

/** What `npm start` needs: only the pty pair to the simulated boards. */
export const demoSystemPackages = requiredSystemPackages.filter(
  (pkg) => pkg.debianName === 'socat',
);

/** Installs what is missing when root; otherwise throws a message naming exactly what to install. */
export function ensureSystemPackages(
  log: (line: string) => void,
  wanted: SystemPackage[] = requiredSystemPackages,
): void {
  const missing = missingSystemPackages(wanted);
  if (missing.length === 0) {
    return;
  }
  const names = missing.map((pkg) => pkg.debianName);
  if (process.getuid?.() !== 0) {
    const reasons = missing.map((pkg) => `  - ${pkg.debianName}: ${pkg.why}`).join('\n');
    throw new Error(
      `Missing Debian packages:\n${reasons}\nInstall them with: sudo apt-get install -y ${names.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
}
