// @ts-check
/**
 * The folder rules of architecture.md ("Rules that keep it easy to change") as data and pure
 * functions, so the lint rule stays a thin adapter and each decision can be tested on its own.
 *
 * A file's layer comes from its path relative to the repository root, compared segment by
 * segment (never `startsWith` on raw strings: a sibling `src-shared-extra/` is not `src-shared/`).
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {'src-shared' | 'src-renderer' | 'src-main' | 'src-main/electron' | 'src-cloud'} Layer
 * @typedef {{ layer: Layer, reason: string, resolvedPath?: string }} Violation
 */

/** Packages that need Node (native addons, servers): never in the browser nor in src-shared. */
const nodeOnlyPackages = [
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'drizzle-orm/better-sqlite3',
  'fastify',
  '@fastify/*',
  'ws',
];

const reasons = {
  rendererNode:
    'the renderer is a browser page with no Node in it; ask the kiosk API (src-shared/api) instead',
  rendererElectron:
    'the renderer is a sandboxed browser page; it reaches the core only through the kiosk API object, never Electron',
  rendererFolder:
    'the renderer talks to the core only through the kiosk API; share types and schemas through src-shared',
  sharedNode:
    'src-shared runs anywhere (kiosk core, browser, cloud); take what you need as a parameter or behind an interface',
  sharedElectron: 'src-shared runs anywhere; only src-main/electron may import electron',
  sharedFolder:
    'src-shared imports nothing from the other folders; move the shared piece into src-shared',
  mainFolder:
    'the kiosk core never depends on the kiosk UI or the cloud; share types and schemas through src-shared',
  mainElectron:
    'only src-main/electron/ may import electron; the rest of the kiosk core runs and is tested under plain Node',
  cloudFolder: 'the cloud and the kiosk share types and schemas only through src-shared',
  cloudElectron: 'the cloud server runs under plain Node, never Electron',
  productTools:
    'product code must not depend on tests or dev tools; move the shared piece into the source folders',
};

/**
 * The path of `file` relative to `root`, as segments; empty when the file is outside `root`.
 * @param {string} root
 * @param {string} file
 * @returns {string[]}
 */
function segmentsUnder(root, file) {
  const relative = path.relative(root, file);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') {
    return [];
  }
  return relative.split(path.sep);
}

/**
 * The layer a file belongs to, or undefined for files outside the source folders (tests, tools,
 * root config files), which the layering rules leave alone.
 * @param {string} root absolute path of the repository root
 * @param {string} file absolute path of the file
 * @returns {Layer | undefined}
 */
export function layerOf(root, file) {
  const [top, second] = segmentsUnder(root, file);
  if (top === 'src-main' && second === 'electron') {
    return 'src-main/electron';
  }
  switch (top) {
    case 'src-shared':
    case 'src-renderer':
    case 'src-main':
    case 'src-cloud':
      return top;
    default:
      return undefined;
  }
}

/**
 * Whether an import specifier names a file (relative, absolute or file: URL) rather than a package.
 * @param {string} specifier
 */
function isFileSpecifier(specifier) {
  return (
    specifier === '.' ||
    specifier === '..' ||
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier.startsWith('file:') ||
    path.isAbsolute(specifier)
  );
}

/**
 * The absolute path a file specifier points at. Vite-style queries (`?url`, `?raw`) are dropped.
 * @param {string} importingFile
 * @param {string} specifier
 */
function resolveFileSpecifier(importingFile, specifier) {
  if (specifier.startsWith('file:')) {
    return fileURLToPath(specifier);
  }
  const withoutQuery = specifier.replace(/[?#].*$/, '');
  return path.resolve(path.dirname(importingFile), withoutQuery);
}

/**
 * Whether a package specifier (`electron/main`, `@serialport/parser-readline`) matches a pattern:
 * the exact name, a subpath of it, or `@scope/*` for a whole scope.
 * @param {string} specifier
 * @param {string} pattern
 */
function matchesPackage(specifier, pattern) {
  if (pattern.endsWith('/*')) {
    return specifier.startsWith(pattern.slice(0, -1));
  }
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}

/** @param {string} specifier */
function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || isBuiltin(specifier);
}

/** @param {string} specifier */
function isNodeOnlyPackage(specifier) {
  return nodeOnlyPackages.some((pattern) => matchesPackage(specifier, pattern));
}

/**
 * Checks an import of a package (anything that is not a file path).
 * @param {Layer} layer
 * @param {string} specifier
 * @returns {string | undefined} the reason it is forbidden
 */
function packageViolation(layer, specifier) {
  const isElectron = matchesPackage(specifier, 'electron');
  switch (layer) {
    case 'src-renderer':
      if (isElectron) {
        return reasons.rendererElectron;
      }
      if (isNodeBuiltin(specifier) || isNodeOnlyPackage(specifier)) {
        return reasons.rendererNode;
      }
      return undefined;
    case 'src-shared':
      if (isElectron) {
        return reasons.sharedElectron;
      }
      if (isNodeBuiltin(specifier) || isNodeOnlyPackage(specifier)) {
        return reasons.sharedNode;
      }
      return undefined;
    case 'src-main':
      return isElectron ? reasons.mainElectron : undefined;
    case 'src-cloud':
      return isElectron ? reasons.cloudElectron : undefined;
    case 'src-main/electron':
      return undefined;
  }
}

/**
 * Checks an import of a file by the top-level folder it resolves into.
 * @param {Layer} layer
 * @param {string | undefined} targetTop top-level folder of the imported file (undefined: outside the repository)
 * @returns {string | undefined} the reason it is forbidden
 */
function folderViolation(layer, targetTop) {
  if (targetTop === 'tests' || targetTop === 'tools') {
    return reasons.productTools;
  }
  switch (layer) {
    case 'src-shared':
      return targetTop === 'src-shared' ? undefined : reasons.sharedFolder;
    case 'src-renderer':
      return targetTop === 'src-main' || targetTop === 'src-cloud'
        ? reasons.rendererFolder
        : undefined;
    case 'src-main':
    case 'src-main/electron':
      return targetTop === 'src-renderer' || targetTop === 'src-cloud'
        ? reasons.mainFolder
        : undefined;
    case 'src-cloud':
      return targetTop === 'src-main' || targetTop === 'src-renderer'
        ? reasons.cloudFolder
        : undefined;
  }
}

/**
 * Decides whether `importingFile` may import `specifier`.
 * @param {string} root absolute path of the repository root
 * @param {string} importingFile absolute path of the file that contains the import
 * @param {string} specifier the module specifier exactly as written
 * @returns {Violation | undefined}
 */
export function findLayerViolation(root, importingFile, specifier) {
  const layer = layerOf(root, importingFile);
  if (layer === undefined) {
    return undefined;
  }
  if (!isFileSpecifier(specifier)) {
    const reason = packageViolation(layer, specifier);
    return reason === undefined ? undefined : { layer, reason };
  }
  const targetSegments = segmentsUnder(root, resolveFileSpecifier(importingFile, specifier));
  const reason = folderViolation(layer, targetSegments[0]);
  if (reason === undefined) {
    return undefined;
  }
  const resolvedPath =
    targetSegments.length === 0 ? 'outside the repository' : targetSegments.join('/');
  return { layer, reason, resolvedPath };
}
