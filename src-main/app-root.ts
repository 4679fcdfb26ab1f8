import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Casier's package.json: the repository in development, the app folder
 * (inside the asar) when packaged, and dist/.. when compiled. Found by walking up, so the same
 * code works from src-main/ (tsx) and dist/main/src-main/ (tsc output).
 */
export function findAppRoot(fromUrl: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isCasierManifest(manifest)) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(`Casier's package.json was not found above ${fileURLToPath(fromUrl)}`);
    }
    folder = parent;
  }
}

function isCasierManifest(path: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown };
    return manifest.name === 'casier';
  } catch {
    return false;
  }
}

export function kioskMigrationsFolder(appRoot: string = findAppRoot()): string {
  return join(appRoot, 'drizzle', 'kiosk');
}
