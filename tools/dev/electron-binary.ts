import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary when it is installed, else undefined. The electron npm package downloads
 * it on first use, which cannot happen without internet: `npm start` then serves the kiosk to a
 * browser instead of failing.
 */
export function electronBinary(root: string): string | undefined {
  const packageFolder = join(root, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    return undefined;
  }
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
