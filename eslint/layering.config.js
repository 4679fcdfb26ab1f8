// @ts-check
/**
 * The layering part of the lint config, on its own so tests can lint with exactly these blocks
 * (no type information needed). architecture.md, "Rules that keep it easy to change".
 *
 * Imports are checked by `casier/layering`; globals by `no-restricted-globals`, which is owned
 * here: another block setting `no-restricted-globals` on these folders would replace this list.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import { casierPlugin } from './plugin.js';

/** The repository root: the folder that holds this `eslint/` folder. */
const repositoryRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const sourceExtensions = '{js,mjs,cjs,ts,mts,cts,svelte}';

/** @param {string} folder */
function sourceFilesIn(folder) {
  return [`${folder}/**/*.${sourceExtensions}`];
}

/**
 * Names of the globals in `included` that are in none of the `excluded` lists.
 * @param {Array<Record<string, unknown>>} included
 * @param {Array<Record<string, unknown>>} excluded
 */
function globalNames(included, excluded) {
  const excludedNames = new Set(excluded.flatMap((list) => Object.keys(list)));
  const names = new Set(included.flatMap((list) => Object.keys(list)));
  return [...names].filter((name) => !excludedNames.has(name)).sort();
}

/**
 * @param {string[]} names
 * @param {string} message
 */
function restrictedGlobals(names, message) {
  return names.map((name) => ({ name, message }));
}

// src-shared: only ECMAScript itself. Browser and Node globals (window, document, fetch,
// setTimeout, process, Buffer...) are all out: time comes from an injected Clock, I/O from
// whoever calls. `console` is left to `no-console`, which covers every source folder.
const sharedForbiddenGlobals = globalNames(
  [globals.browser, globals.node, globals.nodeBuiltin],
  [globals.builtin, { console: true }],
);

// The renderer is a browser page: the globals only Node has (process, Buffer, require...).
const nodeOnlyGlobals = globalNames(
  [globals.node],
  [globals['shared-node-browser'], globals.builtin],
);

// The kiosk core outside src-main/electron runs under plain Node: no DOM (window, document...).
const browserOnlyGlobals = globalNames(
  [globals.browser],
  [globals['shared-node-browser'], globals.builtin, globals.node],
);

/** @type {import('eslint').Linter.Config[]} */
export const layeringConfig = [
  {
    name: 'casier/layering/imports',
    files: ['src-shared', 'src-renderer', 'src-main', 'src-cloud'].flatMap(sourceFilesIn),
    plugins: { casier: casierPlugin },
    rules: {
      'casier/layering': ['error', { root: repositoryRoot }],
    },
  },
  {
    name: 'casier/layering/shared-globals',
    files: sourceFilesIn('src-shared'),
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals(
          sharedForbiddenGlobals,
          'src-shared runs anywhere (kiosk core, browser, cloud), so it may use only ECMAScript globals; take what you need as a parameter, e.g. a Clock (architecture.md).',
        ),
      ],
    },
  },
  {
    name: 'casier/layering/renderer-globals',
    files: sourceFilesIn('src-renderer'),
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals(
          nodeOnlyGlobals,
          'src-renderer is a browser page with no Node in it; ask the kiosk API instead (architecture.md).',
        ),
      ],
    },
  },
  {
    name: 'casier/layering/core-globals',
    files: sourceFilesIn('src-main'),
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrictedGlobals(
          browserOnlyGlobals,
          'the kiosk core outside src-main/electron runs under plain Node, with no DOM (architecture.md).',
        ),
      ],
    },
  },
];
