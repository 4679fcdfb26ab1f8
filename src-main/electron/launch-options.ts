import type { ScannerConfig } from '../scanning/start-scanners.js';

/** How this launch of the Electron kiosk should run, read from its command line and environment. */
export interface LaunchOptions {
  /** Where the kiosk database lives; undefined means the app's user-data folder. */
  dataDir: string | undefined;
  /** Seed and run the demo bank (`npm start`). */
  demo: boolean;
  /** The bank scans codes with a camera, so the page may ask for it (security.md). */
  cameraScanning: boolean;
  /**
   * The lock bus serial device, when the launcher knows it (`npm start`'s pty): stored into the
   * bank's hardware profile at start. Undefined keeps the profile's own path.
   */
  serialPath: string | undefined;
  /** CASIER_SCANNER_DEVICE (serial scanner) and CASIER_SCANNER_HID (hidraw path or 'auto'). */
  scanners: ScannerConfig;
  /** CASIER_CLOUD_URL: the cloud the kiosk syncs with (issue 6); undefined works offline. */
  cloudUrl: string | undefined;
  /** CASIER_ENROLMENT_CODE: the one-time code exchanged for the device credential. */
  enrolmentCode: string | undefined;
}

/**
 * Flags: `--demo`, `--camera-scanning`, `--data-dir=<folder>`; the environment variables
 * CASIER_DEMO=1 and CASIER_DATA_DIR do the same for service units; CASIER_LOCK_DEVICE names the
 * lock bus serial device, CASIER_SCANNER_DEVICE and CASIER_SCANNER_HID the scanners,
 * CASIER_CLOUD_URL and CASIER_ENROLMENT_CODE the cloud. Unknown arguments are left
 * alone: Chromium and Electron take their own switches from the same command line.
 */
export function parseLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LaunchOptions {
  const dataDirPrefix = '--data-dir=';
  const dataDirArgument = argv.find((argument) => argument.startsWith(dataDirPrefix));
  const dataDirFromArgs = dataDirArgument?.slice(dataDirPrefix.length);
  const dataDirFromEnv = env['CASIER_DATA_DIR'];
  return {
    dataDir: nonEmpty(dataDirFromArgs) ?? nonEmpty(dataDirFromEnv),
    demo: argv.includes('--demo') || env['CASIER_DEMO'] === '1',
    cameraScanning: argv.includes('--camera-scanning'),
    serialPath: nonEmpty(env['CASIER_LOCK_DEVICE']),
    scanners: scannerConfig(env),
    cloudUrl: nonEmpty(env['CASIER_CLOUD_URL']),
    enrolmentCode: nonEmpty(env['CASIER_ENROLMENT_CODE']),
  };
}

function scannerConfig(env: Readonly<Record<string, string | undefined>>): ScannerConfig {
  const serialPath = nonEmpty(env['CASIER_SCANNER_DEVICE']);
  const hidPath = nonEmpty(env['CASIER_SCANNER_HID']);
  return {
    ...(serialPath === undefined ? {} : { serialPath }),
    ...(hidPath === undefined ? {} : { hidPath }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
