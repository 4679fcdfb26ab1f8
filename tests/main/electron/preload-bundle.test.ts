import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { ipcChannels, kioskGlobalName } from '../../../src-shared/api/transport.js';

/**
 * Builds the real preload bundle with vite.preload.config.ts and runs it the way a sandboxed
 * preload runs: one CommonJS script whose only `require` is `electron`.
 */
describe('the preload bundle', () => {
  let outDir: string;
  let bundle: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'casier-preload-'));
    await build({
      configFile: path.resolve('vite.preload.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    bundle = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
  });

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('is one file, preload.cjs', async () => {
    expect(await readdir(outDir)).toEqual(['preload.cjs']);
  });

  it('requires nothing but electron and exposes the kiosk API when run', async () => {
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const ipcRenderer = {
      invoke: vi.fn(async () => ({ ok: true, value: 1 })),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    const fakeElectron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer,
    };
    const module = { exports: {} };
    runInNewContext(bundle, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') {
          throw new Error(`a sandboxed preload cannot require ${name}`);
        }
        return fakeElectron;
      },
      module,
      exports: module.exports,
    });

    expect(required).toEqual(['electron']);
    const api = exposed.get(kioskGlobalName);
    expect(Object.keys(api ?? {}).sort()).toEqual(['invoke', 'subscribe']);
    const invoke = api?.['invoke'] as (
      method: string,
      args: unknown,
      locale: string,
    ) => Promise<unknown>;
    await expect(invoke('bank.overview', {}, 'en')).resolves.toEqual({ ok: true, value: 1 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.invoke, 'bank.overview', {}, 'en');
  });
});
