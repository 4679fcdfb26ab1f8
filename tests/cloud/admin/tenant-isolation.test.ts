import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  activities,
  adminTokens,
  alerts,
  bankParcels,
  banks,
  devices,
  emailOutbox,
  entities,
  tenants,
} from '../../../src-cloud/db/schema.js';
import { cloudDatabaseKinds } from '../../helpers/cloud-database.js';
import {
  createTenantWithBank,
  startTestApp,
  type TestCloudApp,
} from '../http/cloud-app-harness.js';
import { contactValue } from './admin-fixtures.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 90_000 });

interface Probe {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The request with the victim's ids, and the same request with made-up ids. */
  url: (ids: VictimIds) => string;
  payload?: (ids: VictimIds) => unknown;
}

interface VictimIds {
  bankId: string;
  divisionId: string;
  locationId: string;
  deviceId: string;
  tokenId: string;
  reservationId: string;
  contactId: string;
  alertId: string;
  ownBankId: string;
}

const probes: Probe[] = [
  {
    name: 'create a location in a division',
    method: 'POST',
    url: () => '/v1/admin/locations',
    payload: (ids) => ({ divisionId: ids.divisionId, name: 'Sneaky' }),
  },
  {
    name: 'create a bank at a location',
    method: 'POST',
    url: () => '/v1/admin/banks',
    payload: (ids) => ({ locationId: ids.locationId, name: 'Sneaky' }),
  },
  {
    name: 'renew an enrolment code',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/enrolment-code`,
  },
  {
    name: 'revoke a device',
    method: 'POST',
    url: (ids) => `/v1/admin/devices/${ids.deviceId}/revoke`,
  },
  { name: 'revoke a token', method: 'DELETE', url: (ids) => `/v1/admin/tokens/${ids.tokenId}` },
  {
    name: 'write entities of a bank',
    method: 'PUT',
    url: () => '/v1/admin/entities',
    payload: (ids) => ({
      bankId: ids.bankId,
      writes: [{ kind: 'compartment_intent', id: 'A1', value: { outOfService: true, note: null } }],
    }),
  },
  {
    name: 'reserve in a bank',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/reservations`,
    payload: () => ({ size: 'S', departmentId: 'd', expiresAt: Date.UTC(2030, 0, 1) }),
  },
  {
    name: 'reserve for a contact in one’s own bank',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.ownBankId}/reservations`,
    payload: (ids) => ({ size: 'S', contactId: ids.contactId, expiresAt: Date.UTC(2030, 0, 1) }),
  },
  {
    name: 'cancel a reservation',
    method: 'DELETE',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/reservations/${ids.reservationId}`,
  },
  {
    name: 'cancel a reservation through one’s own bank',
    method: 'DELETE',
    url: (ids) => `/v1/admin/banks/${ids.ownBankId}/reservations/${ids.reservationId}`,
  },
  {
    name: 'take a compartment out of service',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/compartments/A1/out-of-service`,
    payload: () => ({}),
  },
  {
    name: 'put a compartment back in service',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/compartments/A1/in-service`,
  },
  {
    name: 'open a compartment remotely',
    method: 'POST',
    url: (ids) => `/v1/admin/banks/${ids.bankId}/compartments/A1/remote-open`,
    payload: () => ({}),
  },
  { name: 'read activity', method: 'GET', url: (ids) => `/v1/admin/banks/${ids.bankId}/activity` },
  { name: 'read parcels', method: 'GET', url: (ids) => `/v1/admin/banks/${ids.bankId}/parcels` },
  { name: 'read status', method: 'GET', url: (ids) => `/v1/admin/banks/${ids.bankId}/status` },
  {
    name: 'list a bank’s alerts',
    method: 'GET',
    url: (ids) => `/v1/admin/alerts?bankId=${ids.bankId}`,
  },
  {
    name: 'list a bank’s emails',
    method: 'GET',
    url: (ids) => `/v1/admin/emails?bankId=${ids.bankId}`,
  },
  {
    name: 'resolve an alert',
    method: 'POST',
    url: (ids) => `/v1/admin/alerts/${ids.alertId}/resolve`,
  },
];

describe.each(cloudDatabaseKinds)('tenant isolation of the admin API on %s', (kind) => {
  let cloud: TestCloudApp;
  let victim: VictimIds;
  let victimTenantId: string;
  let victimToken: string;
  let intruderToken: string;

  /** Everything of the victim tenant a write could touch, to compare before and after. */
  async function victimState() {
    const { db } = cloud.database;
    return {
      tenant: await db.select().from(tenants).where(eq(tenants.id, victimTenantId)),
      banks: await db.select().from(banks).where(eq(banks.tenantId, victimTenantId)),
      entities: await db.select().from(entities).where(eq(entities.tenantId, victimTenantId)),
      devices: await db.select().from(devices).where(eq(devices.tenantId, victimTenantId)),
      tokens: await db.select().from(adminTokens).where(eq(adminTokens.tenantId, victimTenantId)),
      alerts: await db.select().from(alerts).where(eq(alerts.tenantId, victimTenantId)),
    };
  }

  beforeAll(async () => {
    cloud = await startTestApp(kind);
    const { db } = cloud.database;
    const now = cloud.clock.now();
    const a = await createTenantWithBank(cloud, 'Victim', [{ id: 'A1', label: 'A1', size: 'M' }]);
    const b = await createTenantWithBank(cloud, 'Intruder');
    victimTenantId = a.tenantId;
    victimToken = a.token;
    intruderToken = b.token;
    const hierarchy = (
      await cloud.call({ method: 'GET', url: '/v1/admin/hierarchy', token: a.token })
    ).json<{ divisions: { id: string }[]; locations: { id: string }[] }>();
    const secondToken = (
      await cloud.call({ method: 'POST', url: '/v1/admin/tokens', token: a.token })
    ).json<{ tokenId: string }>();
    await cloud.call({
      method: 'PUT',
      url: '/v1/admin/entities',
      token: a.token,
      payload: { writes: [{ kind: 'contact', id: 'victim-contact', value: contactValue('Vera') }] },
    });
    const reservation = (
      await cloud.call({
        method: 'POST',
        url: `/v1/admin/banks/${a.bankId}/reservations`,
        token: a.token,
        payload: { size: 'M', contactId: 'victim-contact', expiresAt: now + 86_400_000 },
      })
    ).json<{ reservationId: string }>();
    await db.insert(devices).values({
      id: 'victim-device',
      tenantId: a.tenantId,
      bankId: a.bankId,
      incarnationId: 'inc',
      credentialHash: 'b'.repeat(64),
      enrolledAt: now,
    });
    await db.insert(activities).values({
      bankId: a.bankId,
      id: 'act-1',
      tenantId: a.tenantId,
      deviceId: 'victim-device',
      mutationId: 1,
      type: 'parcel.deposited',
      compartmentId: 'A1',
      actor: 'carrier:x',
      details: {},
      hlc: '000001800000000-000000-n',
      wallTime: now,
      receivedAt: now,
    });
    await db.insert(bankParcels).values({
      bankId: a.bankId,
      parcelId: 'parcel-1',
      tenantId: a.tenantId,
      compartmentId: 'A1',
      state: 'in_locker',
      updatedAt: now,
    });
    await db.insert(alerts).values({
      id: 'victim-alert',
      tenantId: a.tenantId,
      bankId: a.bankId,
      kind: 'hash_mismatch',
      message: 'Mutation 3 differs',
      createdAt: now,
    });
    await db.insert(emailOutbox).values({
      id: 'victim-email',
      tenantId: a.tenantId,
      bankId: a.bankId,
      notificationId: 'n1',
      kind: 'ready_for_pickup',
      toName: 'Vera',
      toEmail: 'vera@example.org',
      language: 'fr',
      subject: 'Votre colis',
      text: 'Code 123456',
      html: '<p>Code 123456</p>',
      state: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    });
    victim = {
      bankId: a.bankId,
      divisionId: hierarchy.divisions[0]?.id ?? '',
      locationId: hierarchy.locations[0]?.id ?? '',
      deviceId: 'victim-device',
      tokenId: secondToken.tokenId,
      reservationId: reservation.reservationId,
      contactId: 'victim-contact',
      alertId: 'victim-alert',
      ownBankId: b.bankId,
    };
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(probes.map((probe) => [probe.name, probe] as const))(
    '%s: another tenant’s id answers 404 exactly like a missing one, and writes nothing',
    async (_name, probe) => {
      const before = await victimState();
      const missing: VictimIds = {
        bankId: 'no-such-bank',
        divisionId: 'no-such-division',
        locationId: 'no-such-location',
        deviceId: 'no-such-device',
        tokenId: 'no-such-token',
        reservationId: 'no-such-reservation',
        contactId: 'no-such-contact',
        alertId: 'no-such-alert',
        ownBankId: victim.ownBankId,
      };
      const send = (ids: VictimIds) =>
        cloud.call({
          method: probe.method,
          url: probe.url(ids),
          token: intruderToken,
          ...(probe.payload !== undefined ? { payload: probe.payload(ids) as object } : {}),
        });
      const foreign = await send(victim);
      const absent = await send(missing);
      expect(foreign.statusCode).toBe(404);
      expect(absent.statusCode).toBe(404);
      const unmask = (text: string) =>
        (Object.keys(victim) as (keyof VictimIds)[]).reduce(
          (masked, key) => masked.replaceAll(victim[key], missing[key]),
          text,
        );
      expect(unmask(foreign.body)).toBe(absent.body);
      expect(await victimState()).toEqual(before);
      // And the owner still reaches it.
      const own = await cloud.call({
        method: 'GET',
        url: `/v1/admin/banks/${victim.bankId}/status`,
        token: victimToken,
      });
      expect(own.statusCode).toBe(200);
    },
  );

  it('lists nothing of another tenant', async () => {
    const read = async (url: string) =>
      (await cloud.call({ method: 'GET', url, token: intruderToken })).json<{
        items?: unknown[];
        banks?: { id: string }[];
      }>();
    expect((await read('/v1/admin/alerts?open=false')).items).toEqual([]);
    expect((await read('/v1/admin/emails')).items).toEqual([]);
    expect((await read('/v1/admin/hierarchy')).banks?.map((bank) => bank.id)).toEqual([
      victim.ownBankId,
    ]);
    const ownEmails = (
      await cloud.call({ method: 'GET', url: '/v1/admin/emails', token: victimToken })
    ).json<{ items: Record<string, unknown>[] }>();
    expect(ownEmails.items).toHaveLength(1);
    expect(JSON.stringify(ownEmails)).not.toContain('123456');
    const ownActivity = (
      await cloud.call({
        method: 'GET',
        url: `/v1/admin/banks/${victim.bankId}/activity`,
        token: victimToken,
      })
    ).json<{ items: { id: string }[]; next: string | null }>();
    expect(ownActivity).toMatchObject({ items: [{ id: 'act-1' }], next: null });
    const ownParcels = (
      await cloud.call({
        method: 'GET',
        url: `/v1/admin/banks/${victim.bankId}/parcels`,
        token: victimToken,
      })
    ).json<{ items: { parcelId: string }[] }>();
    expect(ownParcels.items.map((parcel) => parcel.parcelId)).toEqual(['parcel-1']);
  });
});
