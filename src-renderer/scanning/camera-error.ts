import type { MessageKey } from '../../src-shared/i18n/en.js';

/**
 * What to tell the person when the camera cannot be used. getUserMedia rejects with a
 * DOMException whose `name` says why; its message is English-only, so it is never shown.
 */
export function cameraErrorKey(error: unknown): MessageKey {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'camera.error.denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'camera.error.not_found';
    case 'NotReadableError':
    case 'AbortError':
      return 'camera.error.busy';
    case 'NotSupportedError':
      return 'camera.error.unsupported';
    default:
      return 'camera.error.failed';
  }
}
