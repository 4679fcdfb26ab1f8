/** The folders architecture.md gives rules to; src-main/electron is the one part of src-main allowed Electron. */
export type Layer = 'src-shared' | 'src-renderer' | 'src-main' | 'src-main/electron' | 'src-cloud';

export interface Violation {
  layer: Layer;
  /** why the import is forbidden, for the lint message */
  reason: string;
  /** for a file import: where it resolves, relative to the root (or "outside the repository") */
  resolvedPath?: string;
}

/** The layer of an absolute file path, or undefined outside the source folders. */
export declare function layerOf(root: string, file: string): Layer | undefined;

/** Whether `importingFile` may import `specifier` (as written in the source). */
export declare function findLayerViolation(
  root: string,
  importingFile: string,
  specifier: string,
): Violation | undefined;
