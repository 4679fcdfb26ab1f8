import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src-main/host/content-security-policy.js';
import {
  createAppProtocolHandler,
  resolveAppRequest,
  resolveInsideFolder,
} from '../../../src-main/electron/app-protocol.js';
import { RecordingLogger } from './fakes.js';

const root = path.resolve('/srv/casier/dist/renderer');

describe('resolveInsideFolder', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app-1234.js', 'assets/app-1234.js'],
    ['/assets/', 'assets/index.html'],
    ['/fonts/Atkinson%20Hyperlegible.woff2', 'fonts/Atkinson Hyperlegible.woff2'],
    ['/..hidden-but-inside.txt', '..hidden-but-inside.txt'],
  ])('maps %j inside the renderer folder', (pathname, expected) => {
    expect(resolveInsideFolder(root, pathname)).toBe(path.join(root, expected));
  });

  it.each([
    ['a plain traversal', '/../../etc/passwd'],
    ['an encoded traversal', '/..%2F..%2Fetc%2Fpasswd'],
    ['a traversal to the parent itself', '/..'],
    ['a sibling folder sharing the prefix', '/../renderer-old/index.html'],
    ['an encoded sibling folder', '/..%2Frenderer-evil%2Fsecret.js'],
    ['a NUL byte', '/index.html%00.png'],
    ['malformed percent-encoding', '/%E0%A4%A'],
  ])('rejects %s', (_name, pathname) => {
    expect(resolveInsideFolder(root, pathname)).toBeUndefined();
  });

  it('never returns a path outside the folder, whatever the traversal', () => {
    for (const pathname of ['/a/../../b', '/a/%2e%2e/%2e%2e/b', '//etc/passwd', '/./../x']) {
      const resolved = resolveInsideFolder(root, pathname);
      if (resolved !== undefined) {
        const relative = path.relative(root, resolved);
        expect(relative.split(path.sep)[0]).not.toBe('..');
        expect(path.isAbsolute(relative)).toBe(false);
      }
    }
  });
});

describe('resolveAppRequest', () => {
  it('serves app://kiosk/ only', () => {
    expect(resolveAppRequest('app://kiosk/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://kiosk.evil/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('app://other/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('app://user@kiosk/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('file:///srv/casier/dist/renderer/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('not a url', root)).toBeUndefined();
  });

  it('rejects a traversal that survives URL parsing', () => {
    expect(resolveAppRequest('app://kiosk/..%2F..%2F..%2Fetc%2Fpasswd', root)).toBeUndefined();
  });
});

describe('the app:// protocol handler, on a real folder', () => {
  let workFolder: string;
  let rendererFolder: string;
  let handle: (request: Request) => Promise<Response>;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    workFolder = await mkdtemp(path.join(tmpdir(), 'casier-protocol-'));
    rendererFolder = path.join(workFolder, 'renderer');
    await mkdir(path.join(rendererFolder, 'assets'), { recursive: true });
    await writeFile(
      path.join(rendererFolder, 'index.html'),
      '<!doctype html><title>Casier</title>',
    );
    await writeFile(path.join(rendererFolder, 'assets', 'app.js'), 'console.log(1)');
    await mkdir(path.join(workFolder, 'renderer-evil'));
    await writeFile(path.join(workFolder, 'renderer-evil', 'secret.txt'), 'SECRET');
    await writeFile(path.join(workFolder, 'outside.txt'), 'OUTSIDE');
    handle = createAppProtocolHandler({ rendererFolder, logger });
  });

  afterAll(async () => {
    await rm(workFolder, { recursive: true, force: true });
  });

  it('serves the page with the strict CSP', async () => {
    const response = await handle(new Request('app://kiosk/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Casier</title>');
  });

  it('serves scripts with a JavaScript type (module scripts need it)', async () => {
    const response = await handle(new Request('app://kiosk/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://kiosk/..%2Frenderer-evil%2Fsecret.txt',
    'app://kiosk/..%2Foutside.txt',
    'app://kiosk.evil/index.html',
  ])('answers 404 to %s and reads nothing outside the folder', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('answers 404 to a missing file and to a folder', async () => {
    expect((await handle(new Request('app://kiosk/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://kiosk/assets'))).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://kiosk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
