import { v7 as uuidv7 } from 'uuid';
import type { EnrolRequest } from '../../src-shared/sync/enrolment.js';

/** An enrolled bank as a kiosk knows itself: what a push or a pull needs. */
export interface BenchBank {
  bankId: string;
  deviceId: string;
  incarnationId: string;
  credential: string;
}

/** A tenant with one location, where a bench creates its banks. */
export interface BenchTenant {
  cloudUrl: string;
  tenantId: string;
  adminToken: string;
  locationId: string;
}

export const benchAppVersion = '0.1.0';

/** POST `body` as JSON with a bearer token; the parsed answer, or an error naming the status. */
export async function postJson<T>(url: string, token: string | null, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`bench: POST ${new URL(url).pathname} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** A tenant, a division and a location through the admin API, as an operator sets them up. */
export async function createBenchTenant(
  cloudUrl: string,
  platformToken: string,
): Promise<BenchTenant> {
  const tenant = await postJson<{ tenantId: string; adminToken: string }>(
    `${cloudUrl}/v1/admin/tenants`,
    platformToken,
    { name: 'Bench tenant' },
  );
  const division = await postJson<{ id: string }>(
    `${cloudUrl}/v1/admin/divisions`,
    tenant.adminToken,
    { name: 'Bench division' },
  );
  const location = await postJson<{ id: string }>(
    `${cloudUrl}/v1/admin/locations`,
    tenant.adminToken,
    { divisionId: division.id, name: 'Bench location' },
  );
  return {
    cloudUrl,
    tenantId: tenant.tenantId,
    adminToken: tenant.adminToken,
    locationId: location.id,
  };
}

/** Creates a bank through the admin API and enrols a new kiosk identity with its code. */
export async function createEnrolledBank(tenant: BenchTenant, name: string): Promise<BenchBank> {
  const created = await postJson<{ bankId: string; enrolmentCode: string }>(
    `${tenant.cloudUrl}/v1/admin/banks`,
    tenant.adminToken,
    { locationId: tenant.locationId, name },
  );
  const enrol: EnrolRequest = {
    enrolmentCode: created.enrolmentCode,
    deviceId: uuidv7(),
    incarnationId: uuidv7(),
    appVersion: benchAppVersion,
  };
  const enrolled = await postJson<{ credential: string }>(
    `${tenant.cloudUrl}/v1/enrol`,
    null,
    enrol,
  );
  return {
    bankId: created.bankId,
    deviceId: enrol.deviceId,
    incarnationId: enrol.incarnationId,
    credential: enrolled.credential,
  };
}

/** `count` enrolled banks, a few at a time (setup, not measured). */
export async function createEnrolledBanks(
  tenant: BenchTenant,
  count: number,
  firstNumber: number,
): Promise<BenchBank[]> {
  const banks: BenchBank[] = new Array<BenchBank>(count);
  const parallel = 8;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      banks[index] = await createEnrolledBank(tenant, `Bench bank ${firstNumber + index}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return banks;
}
