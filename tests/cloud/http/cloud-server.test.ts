import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emailOutbox } from '../../../src-cloud/db/schema.js';
import { startMailCatcher } from '../../../src-cloud/mail-catcher/mail-catcher.js';
import { startCloudServer, type CloudServer } from '../../../src-cloud/server.js';
import { ManualClock } from '../../../src-shared/time/manual-clock.js';
import { freshPostgresUrl } from '../../helpers/cloud-database.js';
import { platformToken } from './cloud-app-harness.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function started(options: Parameters<typeof startCloudServer>[0]): Promise<CloudServer> {
  const server = await startCloudServer({ platformToken, logger: false, ...options });
  cleanups.push(() => server.close());
  return server;
}

async function createTenant(server: CloudServer, name: string): Promise<string> {
  const response = await fetch(`${server.url}/v1/admin/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${platformToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { adminToken: string }).adminToken;
}

async function divisionsSeenWith(server: CloudServer, token: string): Promise<string[]> {
  const response = await fetch(`${server.url}/v1/admin/hierarchy`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { divisions: { name: string }[] };
  return body.divisions.map((division) => division.name);
}

async function addDivision(server: CloudServer, token: string, name: string): Promise<void> {
  const response = await fetch(`${server.url}/v1/admin/divisions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
}

describe('startCloudServer', () => {
  it('serves over loopback on PGlite in a data dir, and the data survives a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'casier-cloud-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await startCloudServer({ dataDir, platformToken, logger: false });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${first.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const token = await createTenant(first, 'Durable');
    await addDivision(first, token, 'North');
    await first.close();
    await expect(fetch(`${first.url}/healthz`)).rejects.toThrow();

    const second = await started({ dataDir });
    expect(await divisionsSeenWith(second, token)).toEqual(['North']);
  });

  it('runs two stateless instances on one PostgreSQL database', async () => {
    const databaseUrl = await freshPostgresUrl();
    const [one, two] = await Promise.all([started({ databaseUrl }), started({ databaseUrl })]);
    expect(await (await fetch(`${one.url}/healthz`)).json()).toEqual({
      status: 'ok',
      database: 'postgres',
    });
    const token = await createTenant(one, 'Shared');
    await addDivision(one, token, 'East');
    expect(await divisionsSeenWith(two, token)).toEqual(['East']);
    await one.close();
    expect(await divisionsSeenWith(two, token)).toEqual(['East']);
  });

  it('sends the email outbox through the relay it is given and shows the mail page', async () => {
    const catcher = await startMailCatcher({});
    cleanups.push(() => catcher.close());
    const clock = new ManualClock(Date.UTC(2026, 3, 1, 8));
    const server = await started({
      smtpUrl: catcher.smtpUrl,
      mailStore: catcher.store,
      clock,
    });
    const arrived = new Promise<string>((resolve) => {
      catcher.store.onMessage((mail) => resolve(mail.subject));
    });
    const token = await createTenant(server, 'Mailer');
    expect(token).not.toBe('');
    const now = clock.now();
    await server.database.db.insert(emailOutbox).values({
      id: 'email-1',
      tenantId: 't',
      bankId: 'b',
      notificationId: 'n-1',
      kind: 'custom',
      toName: 'Ana',
      toEmail: 'ana@example.org',
      language: 'en',
      subject: 'Your parcel is waiting',
      text: 'Hello',
      html: '<p>Hello</p>',
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    });
    await clock.advance(60_000);
    expect(await arrived).toBe('Your parcel is waiting');
    const page = await fetch(`${server.url}/mail`);
    expect(page.status).toBe(200);
  });
});
