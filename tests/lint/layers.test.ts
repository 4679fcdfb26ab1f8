/**
 * The path logic under `casier/layering`, on its own: folders are compared by whole path segment
 * after resolving, never by string prefix (style.md, "What not to copy").
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLayerViolation, layerOf } from '../../eslint/layers.js';

const root = path.resolve('/work/casier');

describe('layerOf', () => {
  it.each([
    ['src-shared/api/contract.ts', 'src-shared'],
    ['src-renderer/Grid.svelte', 'src-renderer'],
    ['src-main/core/doors.ts', 'src-main'],
    ['src-main/electron/preload.ts', 'src-main/electron'],
    ['src-main/electronics/x.ts', 'src-main'],
    ['src-cloud/server.ts', 'src-cloud'],
  ])('%s is in %s', (file, layer) => {
    expect(layerOf(root, path.join(root, file))).toBe(layer);
  });

  it.each([
    'src-shared-extra/x.ts',
    'src-main-old/x.ts',
    'tests/main/x.test.ts',
    'tools/sim/board-sim.ts',
    'eslint.config.js',
    'src-shared.ts',
  ])('%s is in no layer', (file) => {
    expect(layerOf(root, path.join(root, file))).toBeUndefined();
  });

  it('ignores a folder beside the root whose name starts like it', () => {
    expect(layerOf(root, `${root}-copy/src-shared/x.ts`)).toBeUndefined();
    expect(layerOf(root, path.resolve(root, '../src-shared/x.ts'))).toBeUndefined();
  });
});

describe('findLayerViolation', () => {
  const sharedFile = path.join(root, 'src-shared/api/x.ts');

  it('resolves relative imports before deciding', () => {
    expect(findLayerViolation(root, sharedFile, '../time/clock.js')).toBeUndefined();
    expect(findLayerViolation(root, sharedFile, './../../src-shared/errors.js')).toBeUndefined();
    expect(findLayerViolation(root, sharedFile, '../../src-shared-extra/x.js')).toMatchObject({
      layer: 'src-shared',
      resolvedPath: 'src-shared-extra/x.js',
    });
    expect(findLayerViolation(root, sharedFile, '../../../elsewhere/x.js')).toMatchObject({
      resolvedPath: 'outside the repository',
    });
  });

  it('drops Vite queries and reads file: URLs and absolute paths as files', () => {
    const rendererFile = path.join(root, 'src-renderer/Grid.svelte');
    expect(findLayerViolation(root, rendererFile, '../resources/logo.svg?url')).toBeUndefined();
    expect(
      findLayerViolation(root, rendererFile, path.join(root, 'src-main/core/x.js')),
    ).toMatchObject({ resolvedPath: 'src-main/core/x.js' });
    expect(
      findLayerViolation(root, rendererFile, `file://${path.join(root, 'src-cloud/x.js')}`),
    ).toMatchObject({ resolvedPath: 'src-cloud/x.js' });
  });

  it('matches packages by name, not by prefix', () => {
    const rendererFile = path.join(root, 'src-renderer/grid.ts');
    expect(findLayerViolation(root, rendererFile, 'electron-store-like')).toBeUndefined();
    expect(findLayerViolation(root, rendererFile, 'wsx')).toBeUndefined();
    expect(findLayerViolation(root, rendererFile, 'ws')).toBeDefined();
    expect(findLayerViolation(root, rendererFile, 'node:test')).toBeDefined();
    expect(findLayerViolation(root, rendererFile, 'drizzle-orm')).toBeUndefined();
  });
});
