import { statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimumPepperBytes } from '../../../src-main/codes/code-hasher.js';
import { codePepperFile, loadKioskCodePepper } from '../../../src-main/codes/code-pepper-home.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

describe('the code pepper’s home in the kiosk data folder', () => {
  let folder: ReturnType<typeof makeTempFolder>;

  beforeEach(() => {
    folder = makeTempFolder();
  });

  afterEach(() => folder.remove());

  it('is <dataDir>/secrets/code-pepper', () => {
    expect(codePepperFile(folder.path)).toBe(join(folder.path, 'secrets', 'code-pepper'));
  });

  it('is created on first start, owner-only, and read back the same at every later start', () => {
    const dataDir = join(folder.path, 'data');
    const pepper = loadKioskCodePepper(dataDir);
    expect(pepper.byteLength).toBe(minimumPepperBytes);
    if (process.platform !== 'win32') {
      expect(statSync(codePepperFile(dataDir)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'secrets')).mode & 0o777).toBe(0o700);
    }
    expect(loadKioskCodePepper(dataDir).equals(pepper)).toBe(true);
  });

  it('is different for every bank (data folder)', () => {
    const first = loadKioskCodePepper(join(folder.path, 'bank-1'));
    const second = loadKioskCodePepper(join(folder.path, 'bank-2'));
    expect(first.equals(second)).toBe(false);
  });

  it('refuses a damaged (truncated) pepper rather than use a short key', () => {
    loadKioskCodePepper(folder.path);
    truncateSync(codePepperFile(folder.path), 8);
    expect(() => loadKioskCodePepper(folder.path)).toThrow(/damaged/);
  });
});
