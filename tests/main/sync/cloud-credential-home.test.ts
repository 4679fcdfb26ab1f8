import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cloudCredentialFile,
  loadCloudCredential,
  saveCloudCredential,
  type CloudCredential,
} from '../../../src-main/sync/cloud-credential-home.js';
import { makeTempFolder } from '../../helpers/temp-folder.js';

const credential: CloudCredential = {
  cloudUrl: 'https://cloud.example.test',
  tenantId: 'tenant-1',
  bankId: 'bank-1',
  credential: `kiosk-1.${'a'.repeat(43)}`,
};

describe('the cloud credential file', () => {
  let folder: ReturnType<typeof makeTempFolder>;

  beforeEach(() => {
    folder = makeTempFolder('casier-credential-');
  });

  afterEach(() => {
    folder.remove();
  });

  it('is missing until enrolment', () => {
    expect(loadCloudCredential(folder.path)).toBeUndefined();
  });

  it('is written owner-only in an owner-only secrets folder, and read back', () => {
    saveCloudCredential(folder.path, credential);

    const file = cloudCredentialFile(folder.path);
    expect(file).toBe(`${folder.path}/secrets/cloud-credential.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadCloudCredential(folder.path)).toEqual(credential);
  });

  it('replaces the old file whole, leaving no temporary file behind', () => {
    saveCloudCredential(folder.path, credential);
    const renewed = { ...credential, credential: `kiosk-1.${'b'.repeat(43)}` };

    saveCloudCredential(folder.path, renewed);

    expect(loadCloudCredential(folder.path)).toEqual(renewed);
    expect(readdirSync(dirname(cloudCredentialFile(folder.path)))).toEqual([
      'cloud-credential.json',
    ]);
    expect(statSync(cloudCredentialFile(folder.path)).mode & 0o777).toBe(0o600);
  });

  it('keeps the old file intact when a save fails half-way', () => {
    saveCloudCredential(folder.path, credential);
    const before = readFileSync(cloudCredentialFile(folder.path), 'utf8');

    // Fails after the temporary file was created (the document is checked as it is written).
    expect(() => saveCloudCredential(folder.path, { ...credential, credential: '' })).toThrow();

    expect(readFileSync(cloudCredentialFile(folder.path), 'utf8')).toBe(before);
    expect(readdirSync(dirname(cloudCredentialFile(folder.path)))).toEqual([
      'cloud-credential.json',
    ]);
  });

  it('refuses a damaged file rather than enrolling anew silently', () => {
    mkdirSync(dirname(cloudCredentialFile(folder.path)), { recursive: true });
    writeFileSync(cloudCredentialFile(folder.path), '{"cloudUrl": "https://x"');

    expect(() => loadCloudCredential(folder.path)).toThrow(/damaged/);
  });
});
