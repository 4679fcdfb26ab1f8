import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from '../host/content-security-policy.js';
import { appHost, appScheme } from './app-origin.js';
import type { BridgeLogger } from './bridge-logger.js';

/**
 * `app://kiosk/` serves the built renderer (dist/renderer) instead of `file://` (Electron
 * checklist item 18). Standard + secure gives the page a real origin and a secure context (camera
 * scanning needs one); nothing here grants extra powers such as bypassing CSP.
 */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file inside `rendererFolder` that `pathname` (a URL path, still percent-encoded) names, or
 * undefined when it is malformed or would leave the folder. Containment is decided with
 * `path.relative` on resolved paths, never `startsWith`: `/x/renderer-old` starts with
 * `/x/renderer` but is a sibling.
 */
export function resolveInsideFolder(rendererFolder: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) {
    return undefined;
  }
  const root = path.resolve(rendererFolder);
  const relativeRequest =
    decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const candidate = path.resolve(root, `.${path.posix.sep}${relativeRequest}`);
  const relative = path.relative(root, candidate);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') {
    return undefined;
  }
  return candidate;
}

/** The file an `app://kiosk/...` request URL names, or undefined for any other origin or path. */
export function resolveAppRequest(requestUrl: string, rendererFolder: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (
    url.protocol !== `${appScheme}:` ||
    url.host !== appHost ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return undefined;
  }
  return resolveInsideFolder(rendererFolder, url.pathname);
}

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every answer, errors included: the CSP is the same as the WebSocket host's. */
function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/** The `protocol.handle` callback: reads the requested file from the built renderer folder. */
export function createAppProtocolHandler(options: {
  rendererFolder: string;
  logger: BridgeLogger;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders() });
    }
    const file = resolveAppRequest(request.url, options.rendererFolder);
    if (file === undefined) {
      options.logger.warn(
        { url: request.url },
        'app protocol request outside the renderer folder refused',
      );
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response(null, { status: 404, headers: securityHeaders() });
    }
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
