import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAppRoot } from '../app-root.js';

/** This kiosk build's version (package.json), sent with enrolment and every pull. */
export function kioskAppVersion(): string {
  const manifest = JSON.parse(readFileSync(join(findAppRoot(), 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
