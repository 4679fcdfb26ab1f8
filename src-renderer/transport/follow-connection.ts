import type { RendererTransport } from './renderer-transport.js';

/**
 * Runs `whenConnected` now if the page is connected to the core, and again each time the
 * connection comes back. Returns a function that stops following.
 */
export function followConnection(
  source: Pick<RendererTransport, 'connectionState' | 'onConnectionChange'>,
  whenConnected: () => void,
): () => void {
  if (source.connectionState === 'connected') {
    whenConnected();
  }
  return source.onConnectionChange((state) => {
    if (state === 'connected') {
      whenConnected();
    }
  });
}
