import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activities, banks, devices, entities, tenants } from '../../../src-cloud/db/schema.js';
import { hashSecret } from '../../../src-cloud/auth/secret-hash.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import {
  createTenantWithBank,
  platformToken,
  startTestApp,
  type TestCloudApp,
} from '../http/cloud-app-harness.js';
import { contactValue } from './admin-fixtures.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 90_000 });

describe.each(cloudDatabaseKinds)('the admin API on %s', (kind) => {
  let cloud: TestCloudApp;
  beforeAll(async () => {
    cloud = await startTestApp(kind);
  });
  afterAll(async () => {
    await cloud.close();
  });

  async function entityRow(tenantId: string, bankId: string, entityKind: string, id: string) {
    const [row] = await cloud.database.db
      .select()
      .from(entities)
      .where(
        and(
          eq(entities.tenantId, tenantId),
          eq(entities.bankId, bankId),
          eq(entities.kind, entityKind),
          eq(entities.id, id),
        ),
      );
    return row;
  }

  async function bankVersion(bankId: string): Promise<number> {
    const [row] = await cloud.database.db
      .select({ version: banks.version })
      .from(banks)
      .where(eq(banks.id, bankId));
    return row?.version ?? -1;
  }

  it('creates tenants only with the platform token, and keeps only token hashes', async () => {
    const refused = await cloud.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      payload: { name: 'Acme' },
    });
    expect(refused.statusCode).toBe(401);
    const created = await cloud.call({
      method: 'POST',
      url: '/v1/admin/tenants',
      token: platformToken,
      payload: { name: 'Acme' },
    });
    expect(created.statusCode).toBe(201);
    const { tenantId, adminToken } = created.json<{ tenantId: string; adminToken: string }>();
    expect(adminToken.length).toBeGreaterThanOrEqual(40);
    const [tenant] = await cloud.database.db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(tenant?.name).toBe('Acme');
    const stored = JSON.stringify(await cloud.database.db.execute('SELECT * FROM admin_token'));
    expect(stored).not.toContain(adminToken);
    expect(stored).toContain(hashSecret(adminToken));

    // A second token works until it is revoked; the first one keeps working.
    const second = await cloud.call({ method: 'POST', url: '/v1/admin/tokens', token: adminToken });
    const { tokenId, adminToken: secondToken } = second.json<{
      tokenId: string;
      adminToken: string;
    }>();
    expect(
      (await cloud.call({ method: 'GET', url: '/v1/admin/hierarchy', token: secondToken }))
        .statusCode,
    ).toBe(200);
    const revoke = await cloud.call({
      method: 'DELETE',
      url: `/v1/admin/tokens/${tokenId}`,
      token: adminToken,
    });
    expect(revoke.statusCode).toBe(200);
    expect(
      (await cloud.call({ method: 'GET', url: '/v1/admin/hierarchy', token: secondToken }))
        .statusCode,
    ).toBe(401);
  });

  it('builds the hierarchy and a bank with compartments and an enrolment code', async () => {
    const { tenantId, token, bankId, enrolmentCode } = await createTenantWithBank(cloud, 'Beta', [
      { id: 'A1', label: 'A1', size: 'S' },
      { id: 'A2', label: 'A2', size: 'L' },
    ]);
    expect(enrolmentCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const [bank] = await cloud.database.db.select().from(banks).where(eq(banks.id, bankId));
    expect(bank?.enrolmentCodeHash).toBe(hashSecret(enrolmentCode));
    expect(bank?.enrolmentExpiresAt).toBeGreaterThan(cloud.clock.now());
    // Profile and compartments in one transaction: one bank version.
    expect(bank?.version).toBe(1);
    expect((await entityRow(tenantId, bankId, 'compartment_config', 'A2'))?.value).toEqual({
      label: 'A2',
      size: 'L',
      doorBottomCm: 40,
      doorTopCm: 80,
    });
    expect((await entityRow(tenantId, bankId, 'bank_profile', bankId))?.value).toEqual({
      name: 'Beta bank',
    });

    const hierarchy = await cloud.call({ method: 'GET', url: '/v1/admin/hierarchy', token });
    expect(hierarchy.json()).toMatchObject({
      divisions: [{ name: 'Beta HQ' }],
      locations: [{ name: 'Lobby' }],
      banks: [{ id: bankId, name: 'Beta bank', version: 1 }],
    });

    const renewed = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/enrolment-code`,
      token,
    });
    expect(renewed.statusCode).toBe(201);
    const { enrolmentCode: fresh } = renewed.json<{ enrolmentCode: string }>();
    expect(fresh).not.toBe(enrolmentCode);
    const [after] = await cloud.database.db.select().from(banks).where(eq(banks.id, bankId));
    expect(after?.enrolmentCodeHash).toBe(hashSecret(fresh));

    const status = await cloud.call({
      method: 'GET',
      url: `/v1/admin/banks/${bankId}/status`,
      token,
    });
    expect(status.json()).toMatchObject({
      bankId,
      enrolmentPending: true,
      devices: [],
      pendingEmails: 0,
      openAlerts: 0,
    });
  });

  it('writes 50 entities all or nothing, naming the bad one', async () => {
    const { tenantId, token, bankId } = await createTenantWithBank(cloud, 'Gamma');
    const writes = Array.from({ length: 50 }, (_, index) => ({
      kind: 'contact',
      id: `contact-${index}`,
      value: contactValue(`Person${index}`),
    }));
    writes[37] = {
      kind: 'contact',
      id: 'contact-37',
      value: { ...contactValue('Bad'), email: 'nope' },
    };
    const refused = await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: { writes },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: 'invalid_request',
      kind: 'contact',
      id: 'contact-37',
    });
    const none = await cloud.database.db
      .select()
      .from(entities)
      .where(and(eq(entities.tenantId, tenantId), eq(entities.kind, 'contact')));
    expect(none).toEqual([]);

    writes[37] = { kind: 'contact', id: 'contact-37', value: contactValue('Good') };
    const accepted = await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: {
        bankId,
        writes: [
          ...writes,
          { kind: 'compartment_intent', id: 'A1', value: { outOfService: true, note: null } },
        ],
      },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ tenantVersion: 1, bankVersion: 2 });
    const all = await cloud.database.db
      .select()
      .from(entities)
      .where(and(eq(entities.tenantId, tenantId), eq(entities.kind, 'contact')));
    expect(all).toHaveLength(50);
    expect(new Set(all.map((row) => row.version))).toEqual(new Set([1]));

    const deleted = await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: { writes: [{ kind: 'contact', id: 'contact-0', deleted: true }] },
    });
    expect(deleted.json()).toEqual({ tenantVersion: 2, bankVersion: null });
    expect(await entityRow(tenantId, '', 'contact', 'contact-0')).toMatchObject({
      deleted: true,
      version: 2,
    });

    const bankKindWithoutBank = await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: { writes: [{ kind: 'compartment_intent', id: 'r', value: {} }] },
    });
    expect(bankKindWithoutBank.statusCode).toBe(400);
    expect(bankKindWithoutBank.json()).toMatchObject({ kind: 'compartment_intent', id: 'r' });

    // A remote open only through its own route: its id and bounded expiry are the server's.
    const remoteOpen = await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: {
        bankId,
        writes: [
          {
            kind: 'remote_open',
            id: 'r',
            value: { compartmentId: 'c', expiresAt: 9e12, requestedBy: 'x', reason: '' },
          },
        ],
      },
    });
    expect(remoteOpen.statusCode).toBe(400);
    expect(remoteOpen.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('makes and cancels reservations as delivery_reservation entities', async () => {
    const { tenantId, token, bankId } = await createTenantWithBank(cloud, 'Delta');
    await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token,
      payload: { writes: [{ kind: 'contact', id: 'claire', value: contactValue('Claire') }] },
    });
    const before = await bankVersion(bankId);
    const now = cloud.clock.now();
    const made = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/reservations`,
      token,
      payload: { size: 'M', contactId: 'claire', expiresAt: now + 86_400_000 },
    });
    expect(made.statusCode).toBe(201);
    const { reservationId, bankVersion: madeVersion } = made.json<{
      reservationId: string;
      bankVersion: number;
    }>();
    expect(madeVersion).toBe(before + 1);
    expect(await entityRow(tenantId, bankId, 'delivery_reservation', reservationId)).toMatchObject({
      version: madeVersion,
      value: {
        contactId: 'claire',
        departmentId: null,
        size: 'M',
        preferredCompartmentId: null,
        designatedOperatorId: null,
        designatedCarrierId: null,
        state: 'active',
        createdAt: now,
        expiresAt: now + 86_400_000,
      },
    });

    const unknownContact = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/reservations`,
      token,
      payload: { size: 'S', contactId: 'nobody', expiresAt: now + 1000 },
    });
    expect(unknownContact.statusCode).toBe(404);
    const noRecipient = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/reservations`,
      token,
      payload: { size: 'S', expiresAt: now + 1000 },
    });
    expect(noRecipient.statusCode).toBe(400);
    expect(noRecipient.json<{ message: string }>().message).toContain('contactId');
    const expired = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/reservations`,
      token,
      payload: { size: 'S', contactId: 'claire', expiresAt: now },
    });
    expect(expired.statusCode).toBe(400);
    expect(await bankVersion(bankId)).toBe(madeVersion);

    const cancelled = await cloud.call({
      method: 'DELETE',
      url: `/v1/admin/banks/${bankId}/reservations/${reservationId}`,
      token,
    });
    expect(cancelled.json()).toEqual({ bankVersion: madeVersion + 1 });
    expect(
      (await entityRow(tenantId, bankId, 'delivery_reservation', reservationId))?.value,
    ).toMatchObject({ state: 'cancelled', contactId: 'claire' });
  });

  it('takes a compartment out of service and back, and opens it remotely with an expiry', async () => {
    const { tenantId, token, bankId } = await createTenantWithBank(cloud, 'Epsilon', [
      { id: 'B3', label: 'B3', size: 'M' },
    ]);
    const out = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/compartments/B3/out-of-service`,
      token,
      payload: { note: 'Hinge broken' },
    });
    expect(out.json()).toEqual({ bankVersion: 2 });
    expect(await entityRow(tenantId, bankId, 'compartment_intent', 'B3')).toMatchObject({
      version: 2,
      value: { outOfService: true, note: 'Hinge broken' },
    });
    const back = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/compartments/B3/in-service`,
      token,
    });
    expect(back.json()).toEqual({ bankVersion: 3 });
    expect((await entityRow(tenantId, bankId, 'compartment_intent', 'B3'))?.value).toEqual({
      outOfService: false,
      note: null,
    });

    const now = cloud.clock.now();
    const open = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/compartments/B3/remote-open`,
      token,
      payload: { reason: 'Stuck parcel' },
    });
    expect(open.statusCode).toBe(201);
    const command = open.json<{ commandId: string; expiresAt: number; bankVersion: number }>();
    expect(command.expiresAt).toBe(now + 5 * 60_000);
    expect(command.bankVersion).toBe(4);
    expect(await entityRow(tenantId, bankId, 'remote_open', command.commandId)).toMatchObject({
      version: 4,
      value: {
        compartmentId: 'B3',
        expiresAt: now + 5 * 60_000,
        reason: 'Stuck parcel',
        requestedBy: expect.stringMatching(/^admin-token:/) as unknown,
      },
    });
    const short = await cloud.call({
      method: 'POST',
      url: `/v1/admin/banks/${bankId}/compartments/B3/remote-open`,
      token,
      payload: { expiresInSeconds: 60 },
    });
    expect(short.json<{ expiresAt: number }>().expiresAt).toBe(now + 60_000);
  });

  it('pages the activity log in HLC order and reports device status', async () => {
    const { tenantId, token, bankId } = await createTenantWithBank(cloud, 'Zeta');
    const now = cloud.clock.now();
    await cloud.database.db.insert(devices).values({
      id: 'zeta-device',
      tenantId,
      bankId,
      incarnationId: 'inc-z',
      credentialHash: 'c'.repeat(64),
      lastMutationId: 3,
      enrolledAt: now - 60_000,
      lastSeenAt: now - 1000,
      clockSkewMs: 250,
    });
    // Inserted out of order: the API sorts by HLC, then id.
    for (const [id, hlc] of [
      ['a3', '000001800000002-000000-z'],
      ['a1', '000001800000001-000000-z'],
      ['a2', '000001800000001-000001-z'],
    ] as const) {
      await cloud.database.db.insert(activities).values({
        bankId,
        id,
        tenantId,
        deviceId: 'zeta-device',
        mutationId: 1,
        type: 'door.opened',
        compartmentId: null,
        actor: 'operator:o1',
        details: { id },
        hlc,
        wallTime: now,
        receivedAt: now,
      });
    }
    const first = await cloud.call({
      method: 'GET',
      url: `/v1/admin/banks/${bankId}/activity?limit=2`,
      token,
    });
    const page = first.json<{ items: { id: string }[]; next: string | null }>();
    expect(page.items.map((item) => item.id)).toEqual(['a1', 'a2']);
    expect(page.next).not.toBeNull();
    const second = await cloud.call({
      method: 'GET',
      url: `/v1/admin/banks/${bankId}/activity?limit=2&after=${encodeURIComponent(page.next ?? '')}`,
      token,
    });
    expect(second.json()).toMatchObject({
      items: [{ id: 'a3', details: { id: 'a3' } }],
      next: null,
    });
    const badLimit = await cloud.call({
      method: 'GET',
      url: `/v1/admin/banks/${bankId}/activity?limit=0`,
      token,
    });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json<{ message: string }>().message).toContain('querystring.limit');

    const status = await cloud.call({
      method: 'GET',
      url: `/v1/admin/banks/${bankId}/status`,
      token,
    });
    expect(status.json()).toMatchObject({
      devices: [
        {
          deviceId: 'zeta-device',
          lastSeenAt: now - 1000,
          lastMutationId: 3,
          clockSkewMs: 250,
          revokedAt: null,
        },
      ],
    });
    const revoked = await cloud.call({
      method: 'POST',
      url: '/v1/admin/devices/zeta-device/revoke',
      token,
    });
    expect(revoked.statusCode).toBe(200);
    const [device] = await cloud.database.db
      .select({ revokedAt: devices.revokedAt })
      .from(devices)
      .where(eq(devices.id, 'zeta-device'));
    expect(device?.revokedAt).toBe(now);
  });
});
