import { defineConfig } from 'vite';

/**
 * The Electron preload, bundled into ONE CommonJS file: a sandboxed preload cannot load other
 * modules, only `require('electron')` (which stays external). Output: dist/preload/preload.cjs.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    // Electron 45 ships Chromium 142.
    target: 'chrome142',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'src-main/electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
