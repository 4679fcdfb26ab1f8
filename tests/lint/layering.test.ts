/**
 * Proves each folder rule of architecture.md fails lint, and that the imports the architecture
 * allows pass. Files are virtual (lintText with a path), so no fixture lives in the source folders.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layeringConfig } from '../../eslint/layering.config.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

// Exactly the layering blocks, plus parsers for TypeScript and Svelte syntax (no type information).
const layeringOnly = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...svelte.configs.base,
    { files: ['**/*.svelte'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
    ...layeringConfig,
  ],
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await layeringOnly.lintText(code, { filePath });
  if (result === undefined) {
    throw new Error(`ESLint returned no result for ${filePath}`);
  }
  return result.messages;
}

/** The one message a forbidden line must produce; fails if there are none or several. */
async function singleMessage(filePath: string, code: string): Promise<Linter.LintMessage> {
  const messages = await lint(filePath, code);
  expect(messages.map((message) => message.message)).toHaveLength(1);
  const [message] = messages;
  if (message === undefined) {
    throw new Error('unreachable: length checked above');
  }
  expect(message.severity).toBe(2);
  return message;
}

interface ForbiddenImport {
  file: string;
  specifier: string;
  /** the layer named at the start of the message */
  layer: string;
  /** a piece of the reason the message must give */
  why: string;
}

const forbiddenImports: ForbiddenImport[] = [
  // src-renderer: a browser page that talks only to the kiosk API.
  { file: 'src-renderer/grid.ts', specifier: 'node:fs', layer: 'src-renderer', why: 'no Node' },
  { file: 'src-renderer/grid.ts', specifier: 'fs', layer: 'src-renderer', why: 'no Node' },
  { file: 'src-renderer/grid.ts', specifier: 'fs/promises', layer: 'src-renderer', why: 'no Node' },
  { file: 'src-renderer/grid.ts', specifier: 'path', layer: 'src-renderer', why: 'no Node' },
  {
    file: 'src-renderer/grid.ts',
    specifier: 'electron',
    layer: 'src-renderer',
    why: 'never Electron',
  },
  {
    file: 'src-renderer/grid.ts',
    specifier: 'electron/renderer',
    layer: 'src-renderer',
    why: 'never Electron',
  },
  {
    file: 'src-renderer/grid.ts',
    specifier: 'better-sqlite3',
    layer: 'src-renderer',
    why: 'no Node',
  },
  { file: 'src-renderer/grid.ts', specifier: 'serialport', layer: 'src-renderer', why: 'no Node' },
  {
    file: 'src-renderer/grid.ts',
    specifier: '@serialport/parser-readline',
    layer: 'src-renderer',
    why: 'no Node',
  },
  { file: 'src-renderer/grid.ts', specifier: 'node-hid', layer: 'src-renderer', why: 'no Node' },
  {
    file: 'src-renderer/grid.ts',
    specifier: 'drizzle-orm/better-sqlite3',
    layer: 'src-renderer',
    why: 'no Node',
  },
  {
    file: 'src-renderer/grid.ts',
    specifier: '../src-main/x.js',
    layer: 'src-renderer',
    why: 'only through the kiosk API',
  },
  {
    file: 'src-renderer/screens/grid.ts',
    specifier: '../../src-cloud/x.js',
    layer: 'src-renderer',
    why: 'only through the kiosk API',
  },
  {
    // Resolved, not read as text: this walks through src-shared into src-main.
    file: 'src-renderer/grid.ts',
    specifier: '../src-shared/../src-main/x.js',
    layer: 'src-renderer',
    why: 'only through the kiosk API',
  },
  // src-shared: runs anywhere, imports nothing of the other folders.
  {
    file: 'src-shared/api/x.ts',
    specifier: 'node:crypto',
    layer: 'src-shared',
    why: 'runs anywhere',
  },
  { file: 'src-shared/api/x.ts', specifier: 'crypto', layer: 'src-shared', why: 'runs anywhere' },
  { file: 'src-shared/api/x.ts', specifier: 'electron', layer: 'src-shared', why: 'electron' },
  {
    file: 'src-shared/api/x.ts',
    specifier: 'better-sqlite3',
    layer: 'src-shared',
    why: 'runs anywhere',
  },
  {
    file: 'src-shared/x.ts',
    specifier: '../src-main/x.js',
    layer: 'src-shared',
    why: 'imports nothing from the other folders',
  },
  {
    file: 'src-shared/api/x.ts',
    specifier: '../../src-renderer/y.js',
    layer: 'src-shared',
    why: 'imports nothing from the other folders',
  },
  {
    file: 'src-shared/x.ts',
    specifier: '../src-cloud/y.js',
    layer: 'src-shared',
    why: 'imports nothing from the other folders',
  },
  {
    // A sibling whose name starts with "src-shared" is another folder.
    file: 'src-shared/x.ts',
    specifier: '../src-shared-extra/y.js',
    layer: 'src-shared',
    why: 'imports nothing from the other folders',
  },
  {
    file: 'src-shared/x.ts',
    specifier: '../package.json',
    layer: 'src-shared',
    why: 'imports nothing from the other folders',
  },
  // src-cloud: shares with the kiosk only through src-shared.
  {
    file: 'src-cloud/sync/x.ts',
    specifier: '../../src-main/x.js',
    layer: 'src-cloud',
    why: 'only through src-shared',
  },
  {
    file: 'src-cloud/x.ts',
    specifier: '../src-renderer/x.js',
    layer: 'src-cloud',
    why: 'only through src-shared',
  },
  { file: 'src-cloud/x.ts', specifier: 'electron', layer: 'src-cloud', why: 'never Electron' },
  // src-main: never the UI or the cloud; electron only in src-main/electron.
  {
    file: 'src-main/core/x.ts',
    specifier: '../../src-renderer/x.js',
    layer: 'src-main',
    why: 'never depends on the kiosk UI or the cloud',
  },
  {
    file: 'src-main/x.ts',
    specifier: '../src-cloud/x.js',
    layer: 'src-main',
    why: 'never depends on the kiosk UI or the cloud',
  },
  {
    file: 'src-main/electron/main.ts',
    specifier: '../../src-renderer/x.js',
    layer: 'src-main/electron',
    why: 'never depends on the kiosk UI or the cloud',
  },
  {
    file: 'src-main/core/x.ts',
    specifier: 'electron',
    layer: 'src-main',
    why: 'only src-main/electron/ may import electron',
  },
  {
    file: 'src-main/hardware/x.ts',
    specifier: 'electron/main',
    layer: 'src-main',
    why: 'only src-main/electron/ may import electron',
  },
  {
    // "src-main/electronics" is not "src-main/electron".
    file: 'src-main/electronics/x.ts',
    specifier: 'electron',
    layer: 'src-main',
    why: 'only src-main/electron/ may import electron',
  },
  // Product code never depends on tests or dev tools.
  {
    file: 'src-main/core/x.ts',
    specifier: '../../tests/main/fake-bus.js',
    layer: 'src-main',
    why: 'tests or dev tools',
  },
  {
    file: 'src-cloud/x.ts',
    specifier: '../tools/sim/board-sim.js',
    layer: 'src-cloud',
    why: 'tests or dev tools',
  },
];

describe('casier/layering: each forbidden import fails lint', () => {
  it.each(forbiddenImports)(
    '$file importing $specifier',
    async ({ file, specifier, layer, why }) => {
      const message = await singleMessage(file, `import { thing } from '${specifier}';\n`);
      expect(message.ruleId).toBe('casier/layering');
      expect(message.message).toContain(`${layer} must not import '${specifier}'`);
      expect(message.message).toContain(why);
      expect(message.message).toContain('(architecture.md)');
    },
  );

  it('says which rule was broken and why, in one sentence', async () => {
    const message = await singleMessage('src-renderer/grid.ts', "import fs from 'node:fs';\n");
    expect(message.message).toBe(
      "src-renderer must not import 'node:fs': the renderer is a browser page with no Node in it; ask the kiosk API (src-shared/api) instead (architecture.md).",
    );
  });

  it('names the folder a relative import resolves to', async () => {
    const message = await singleMessage(
      'src-renderer/screens/grid.ts',
      "import { openDoor } from '../../src-main/core/doors.js';\n",
    );
    expect(message.message).toContain('(resolves to src-main/core/doors.js)');
  });

  const importForms: Array<{ form: string; code: string }> = [
    { form: 'a type-only import', code: "import type { App } from 'electron';\n" },
    { form: 'a side-effect import', code: "import 'electron';\n" },
    { form: 'export ... from', code: "export { app } from 'electron';\n" },
    { form: 'export * from', code: "export * from 'electron';\n" },
    { form: 'a dynamic import', code: "export const electron = await import('electron');\n" },
    {
      form: 'a dynamic import of a template',
      code: 'export const e = await import(`electron`);\n',
    },
    { form: 'import = require', code: "import electron = require('electron');\n" },
    { form: 'require()', code: "export const electron = require('electron');\n" },
    { form: 'an import type', code: "export type App = import('electron').App;\n" },
  ];

  it.each(importForms)('catches $form', async ({ code }) => {
    // `require` is also a forbidden global in the renderer: only the import rule is checked here.
    const messages = await lint('src-renderer/x.ts', code);
    const importMessages = messages.filter((message) => message.ruleId === 'casier/layering');
    expect(importMessages.map((message) => message.message)).toEqual([
      expect.stringContaining("src-renderer must not import 'electron'"),
    ]);
  });

  it('checks the script of a Svelte component', async () => {
    const component = [
      '<script lang="ts">',
      "  import { readFileSync } from 'node:fs';",
      '  const text: string = readFileSync("x", "utf8");',
      '</script>',
      '<p>{text}</p>',
      '',
    ].join('\n');
    const message = await singleMessage('src-renderer/Grid.svelte', component);
    expect(message.ruleId).toBe('casier/layering');
    expect(message.message).toContain("src-renderer must not import 'node:fs'");
  });
});

interface ForbiddenGlobal {
  file: string;
  name: string;
  why: string;
}

const forbiddenGlobals: ForbiddenGlobal[] = [
  { file: 'src-shared/x.ts', name: 'window', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'document', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'navigator', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'localStorage', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'fetch', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'setTimeout', why: 'e.g. a Clock' },
  { file: 'src-shared/x.ts', name: 'HTMLElement', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'process', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'Buffer', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'require', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: '__dirname', why: 'only ECMAScript globals' },
  { file: 'src-shared/x.ts', name: 'global', why: 'only ECMAScript globals' },
  { file: 'src-renderer/x.ts', name: 'process', why: 'no Node in it' },
  { file: 'src-renderer/x.ts', name: 'Buffer', why: 'no Node in it' },
  { file: 'src-main/core/x.ts', name: 'document', why: 'no DOM' },
  { file: 'src-main/core/x.ts', name: 'window', why: 'no DOM' },
];

describe('no-restricted-globals: each forbidden global fails lint', () => {
  it.each(forbiddenGlobals)('$file using $name', async ({ file, name, why }) => {
    const message = await singleMessage(file, `export const value: unknown = ${name};\n`);
    expect(message.ruleId).toBe('no-restricted-globals');
    expect(message.message).toContain(`'${name}'`);
    expect(message.message).toContain(why);
  });
});

const allowed: Array<{ file: string; code: string }> = [
  {
    file: 'src-renderer/grid.ts',
    code: "import { kioskMethods } from '../src-shared/api/contract.js';\nexport { kioskMethods };\n",
  },
  { file: 'src-renderer/grid.ts', code: "import { mount } from 'svelte';\nexport { mount };\n" },
  {
    file: 'src-renderer/grid.ts',
    code: "import { BrowserMultiFormatReader } from '@zxing/library';\nexport { BrowserMultiFormatReader };\n",
  },
  {
    file: 'src-renderer/screens/grid.ts',
    code: "export { thing } from '../state/grid.svelte.js';\nexport const page = window.location;\n",
  },
  {
    // A sibling whose name starts with "src-main" is not src-main.
    file: 'src-renderer/grid.ts',
    code: "export { thing } from '../src-main-extra/x.js';\n",
  },
  {
    file: 'src-main/electron/main.ts',
    code: "import { app } from 'electron';\nimport { ipcMain } from 'electron/main';\nexport { app, ipcMain };\nexport const w = window;\n",
  },
  {
    file: 'src-main/electron/window.ts',
    code: "export { dispatch } from '../api/dispatcher.js';\nexport { kioskMethods } from '../../src-shared/api/contract.js';\n",
  },
  {
    file: 'src-main/core/x.ts',
    code: "import Database from 'better-sqlite3';\nimport { SerialPort } from 'serialport';\nimport { readFile } from 'node:fs/promises';\nexport { Database, SerialPort, readFile };\nexport const env = process.env;\n",
  },
  {
    file: 'src-main/core/x.ts',
    code: "export { ok } from '../../src-shared/api/result.js';\nexport { lockBus } from '../hardware/lock-bus.js';\n",
  },
  {
    file: 'src-shared/api/x.ts',
    code: "import { z } from 'zod';\nimport { ok } from './result.js';\nimport { isErrorCode } from '../errors.js';\nexport { z, ok, isErrorCode };\nexport const all = [globalThis, Math.max, JSON, new Map(), Promise, Intl];\n",
  },
  {
    file: 'src-shared/time/x.ts',
    code: 'export function later(clock: { setTimeout(callback: () => void, delayMs: number): void }): void {\n  clock.setTimeout(() => undefined, 10);\n}\n',
  },
  {
    file: 'src-cloud/server.ts',
    code: "import Fastify from 'fastify';\nimport { readFile } from 'node:fs/promises';\nexport { syncRequest } from '../src-shared/sync/protocol.js';\nexport { Fastify, readFile };\n",
  },
  {
    // A sibling whose name starts with "src-shared" gets none of the src-shared rules.
    file: 'src-shared-extra/x.ts',
    code: "import fs from 'node:fs';\nimport { app } from 'electron';\nexport { fs, app };\nexport const env = process.env;\n",
  },
  {
    // Tests and tools are outside the layers: they drive every part, fakes of electron included.
    file: 'tests/main/x.test.ts',
    code: "import { app } from 'electron';\nexport { app };\nexport { grid } from '../../src-renderer/grid.js';\nexport { thing } from '../../src-main/core/x.js';\n",
  },
  {
    file: 'tools/sim/x.ts',
    code: "export { thing } from '../../src-main/core/x.js';\nexport { other } from '../../src-cloud/x.js';\n",
  },
  {
    file: 'src-renderer/Grid.svelte',
    code: '<script lang="ts">\n  import { kioskMethods } from \'../src-shared/api/contract.js\';\n</script>\n<p>{Object.keys(kioskMethods).length}</p>\n',
  },
];

describe('allowed imports and globals pass', () => {
  it.each(allowed)('$file: $code', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('the full eslint.config.js', () => {
  const fullConfig = new ESLint({ cwd: repoRoot });
  const sharedFile = 'src-shared/errors.ts';

  it('loads and lints a real file of the repository with no errors', async () => {
    const [result] = await fullConfig.lintFiles([sharedFile]);
    expect(result?.filePath).toBe(path.join(repoRoot, sharedFile));
    expect(result?.messages).toEqual([]);
  });

  it('applies the layering rule and the style rules to that file', async () => {
    const config = (await fullConfig.calculateConfigForFile(sharedFile)) as Linter.Config;
    const rules = Object.keys(config.rules ?? {});
    expect(rules).toEqual(
      expect.arrayContaining([
        'casier/layering',
        'no-restricted-globals',
        '@typescript-eslint/no-floating-promises',
        '@typescript-eslint/consistent-type-imports',
        'curly',
        'no-console',
        'eqeqeq',
      ]),
    );
  });

  it('fails a forbidden import in a real src-shared file, with type information', async () => {
    const code = "export { randomUUID } from 'node:crypto';\n";
    const [result] = await fullConfig.lintText(code, { filePath: sharedFile });
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['casier/layering']);
  });

  it('fails focused and skipped tests, and lets tests print', async () => {
    const testFile = 'tests/lint/layering.test.ts';
    const code = [
      "import { describe, it } from 'vitest';",
      "describe.only('a', () => {",
      "  it.skip('b', () => {",
      "    console.log('tests may print');",
      '  });',
      '});',
      '',
    ].join('\n');
    const [result] = await fullConfig.lintText(code, { filePath: testFile });
    expect(result?.messages.map((message) => message.ruleId)).toEqual([
      'no-restricted-properties',
      'no-restricted-properties',
    ]);
  });
});
