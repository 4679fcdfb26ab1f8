/**
 * The admin API as `npm start` (and the chaos suite) uses it: over real HTTP, as a console would. Creates
 * a tenant with the platform token, then a division, a location and a bank whose compartments
 * are a kiosk's, and publishes that kiosk's directory (tools/dev/kiosk-directory-entities.ts)
 * so the kiosk's first pull hands back the people it already had.
 */
import axios, { type AxiosInstance } from 'axios';
import type { KioskDb } from '../../src-main/db/open-kiosk-database.js';
import { compartments } from '../../src-main/db/schema.js';
import { kioskDirectoryWrites } from './kiosk-directory-entities.js';

export interface CloudBank {
  tenantId: string;
  bankId: string;
  enrolmentCode: string;
  /** The tenant's admin token, and an axios instance carrying it. */
  adminToken: string;
  admin: AxiosInstance;
}

/** An admin API client with the given Bearer token. */
export function adminClient(cloudUrl: string, token: string): AxiosInstance {
  return axios.create({ baseURL: cloudUrl, headers: { authorization: `Bearer ${token}` } });
}

export async function createCloudBankFor(
  cloudUrl: string,
  platformToken: string,
  kiosk: KioskDb,
  name = 'Lobby bank',
): Promise<CloudBank> {
  const platform = adminClient(cloudUrl, platformToken);
  const tenant = (await platform.post('/v1/admin/tenants', { name: `${name} company` })).data as {
    tenantId: string;
    adminToken: string;
  };
  const admin = adminClient(cloudUrl, tenant.adminToken);
  const division = (await admin.post('/v1/admin/divisions', { name: 'Operations' })).data as {
    id: string;
  };
  const location = (
    await admin.post('/v1/admin/locations', { divisionId: division.id, name: 'Head office' })
  ).data as { id: string };
  const bank = (
    await admin.post('/v1/admin/banks', {
      locationId: location.id,
      name,
      compartments: kiosk
        .select()
        .from(compartments)
        .all()
        .map((row) => ({
          id: row.id,
          label: row.label,
          size: row.size,
          doorBottomCm: row.doorBottomCm,
          doorTopCm: row.doorTopCm,
        })),
    })
  ).data as { bankId: string; enrolmentCode: string };
  const writes = kioskDirectoryWrites(kiosk);
  await admin.put('/v1/admin/entities', { writes: writes.tenant });
  await admin.put('/v1/admin/entities', { bankId: bank.bankId, writes: writes.bank });
  return {
    tenantId: tenant.tenantId,
    bankId: bank.bankId,
    enrolmentCode: bank.enrolmentCode,
    adminToken: tenant.adminToken,
    admin,
  };
}
