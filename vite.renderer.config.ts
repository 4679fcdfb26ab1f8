import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/**
 * The kiosk UI, built once and served two ways: by the WebSocket host (src-main/host) and by the
 * Electron `app://` protocol. A relative base works under both. Output: dist/renderer.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  publicDir: false,
  // Svelte 5 strips `lang="ts"` types itself, so no preprocess config file is needed.
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
});
