import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnrolmentCode } from '../../../src-shared/sync/enrolment.js';
import { authenticateDevice, revokeDevice } from '../../../src-cloud/auth/device-auth.js';
import {
  enrolmentCodeValidityMs,
  issueEnrolmentCode,
  newEnrolmentCode,
} from '../../../src-cloud/auth/enrolment-code.js';
import { enrolDevice } from '../../../src-cloud/auth/enrolment.js';
import { hashSecret } from '../../../src-cloud/auth/secret-hash.js';
import { CloudError } from '../../../src-cloud/cloud-error.js';
import type { CloudDatabase } from '../../../src-cloud/db/open-cloud-database.js';
import { banks, deviceMutations, devices } from '../../../src-cloud/db/schema.js';
import { applyPush } from '../../../src-cloud/sync/apply-push.js';
import { cloudDatabaseKinds, freshCloudDatabase } from '../../helpers/cloud-database.js';
import { doorFacts, enrolBank, newCode, seedTenant, startMs } from '../sync/sync-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) {
      return error.code;
    }
    throw error;
  }
  return 'accepted';
}

describe('enrolment codes', () => {
  it('are four groups of four unambiguous symbols, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newEnrolmentCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(EnrolmentCode.safeParse(code).success).toBe(true);
      expect(code).not.toMatch(/[01OI]/);
    }
  });
});

describe.each(cloudDatabaseKinds)('enrolment and device credentials on %s', (kind) => {
  // One database for the suite (opening PGlite is slow); each test has its own tenants.
  let cloud: CloudDatabase;
  let run = 0;
  let p = '';
  beforeAll(async () => {
    cloud = await freshCloudDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await cloud.close();
  });
  beforeEach(async () => {
    p = `r${++run}-`;
    await seedTenant(cloud.db, `${p}t1`, [`${p}bank-a`, `${p}bank-b`]);
    await seedTenant(cloud.db, `${p}t2`, [`${p}bank-z`]);
  });

  const request = (enrolmentCode: string, deviceId = 'kiosk-1', incarnationId = 'inc-1') => ({
    enrolmentCode,
    deviceId: `${p}${deviceId}`,
    incarnationId,
    appVersion: '0.1.0',
  });

  it('stores only the hash of the code, valid for 24 hours', async () => {
    const issued = await cloud.db.transaction((tx) =>
      issueEnrolmentCode(tx, `${p}bank-a`, startMs),
    );
    expect(issued.expiresAt).toBe(startMs + enrolmentCodeValidityMs);
    const [bank] = await cloud.db
      .select()
      .from(banks)
      .where(eq(banks.id, `${p}bank-a`));
    expect(bank?.enrolmentCodeHash).toBe(hashSecret(issued.code));
    expect(JSON.stringify(bank)).not.toContain(issued.code);
    await expect(
      cloud.db.transaction((tx) => issueEnrolmentCode(tx, 'no-such-bank', startMs)),
    ).rejects.toThrow(CloudError);
  });

  it('exchanges a code once for a credential that authenticates', async () => {
    const code = await newCode(cloud.db, `${p}bank-a`);
    const enrolled = await enrolDevice(cloud.db, request(code), startMs);
    expect(enrolled).toMatchObject({
      tenantId: `${p}t1`,
      bankId: `${p}bank-a`,
      bankName: `Bank ${p}bank-a`,
    });
    expect(enrolled.credential.startsWith(`${p}kiosk-1.`)).toBe(true);
    const identity = await authenticateDevice(cloud.db, `Bearer ${enrolled.credential}`);
    expect(identity).toEqual({
      deviceId: `${p}kiosk-1`,
      bankId: `${p}bank-a`,
      tenantId: `${p}t1`,
      incarnationId: 'inc-1',
    });
    // Used: the same code refuses a second device, with the one message for every bad code.
    expect(await refusal(enrolDevice(cloud.db, request(code, 'kiosk-2'), startMs))).toBe(
      'enrolment_code_invalid',
    );
    const [device] = await cloud.db
      .select()
      .from(devices)
      .where(eq(devices.id, `${p}kiosk-1`));
    expect(device?.credentialHash).toBe(hashSecret(enrolled.credential.split('.')[1] ?? ''));
  });

  it('refuses a wrong code and an expired one with the same answer', async () => {
    const code = await newCode(cloud.db, `${p}bank-a`);
    const wrong = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const wrongError = await enrolDevice(cloud.db, request(wrong), startMs).catch(
      (error: unknown) => error,
    );
    const expiredError = await enrolDevice(
      cloud.db,
      request(code),
      startMs + enrolmentCodeValidityMs,
    ).catch((error: unknown) => error);
    expect(wrongError).toBeInstanceOf(CloudError);
    expect(expiredError).toBeInstanceOf(CloudError);
    expect((wrongError as CloudError).code).toBe('enrolment_code_invalid');
    expect((expiredError as CloudError).message).toBe((wrongError as CloudError).message);
    // Just before expiry it still works.
    const enrolled = await enrolDevice(
      cloud.db,
      request(code),
      startMs + enrolmentCodeValidityMs - 1,
    );
    expect(enrolled.bankId).toBe(`${p}bank-a`);
  });

  it('refuses missing, malformed and wrong credentials alike', async () => {
    const { credential } = await enrolBank(cloud.db, `${p}bank-a`);
    const [deviceId, secret] = credential.split('.');
    for (const header of [
      undefined,
      '',
      credential,
      `Basic ${credential}`,
      `Bearer ${deviceId}`,
      `Bearer ${deviceId}.`,
      `Bearer ${deviceId}.${secret}x`,
      `Bearer other-device.${secret}`,
    ]) {
      expect(await refusal(authenticateDevice(cloud.db, header))).toBe('unauthorized');
    }
    expect(await refusal(authenticateDevice(cloud.db, `bearer  ${credential}`))).toBe('accepted');
  });

  it('revokes within the tenant only, and says so to the credential holder', async () => {
    const { credential, identity } = await enrolBank(cloud.db, `${p}bank-a`);
    expect(await revokeDevice(cloud.db, `${p}t2`, identity.deviceId, startMs)).toBe(false);
    expect(await refusal(authenticateDevice(cloud.db, `Bearer ${credential}`))).toBe('accepted');
    expect(await revokeDevice(cloud.db, `${p}t1`, identity.deviceId, startMs)).toBe(true);
    expect(await revokeDevice(cloud.db, `${p}t1`, identity.deviceId, startMs + 1)).toBe(true);
    expect(await revokeDevice(cloud.db, `${p}t1`, 'no-such-device', startMs)).toBe(false);
    expect(await refusal(authenticateDevice(cloud.db, `Bearer ${credential}`))).toBe(
      'credential_revoked',
    );
    // A wrong secret for a revoked device learns nothing about the revocation.
    expect(
      await refusal(authenticateDevice(cloud.db, `Bearer ${identity.deviceId}.wrong-secret`)),
    ).toBe('unauthorized');
  });

  it('re-enrols a revoked device with a new code: new credential, old one dead', async () => {
    const first = await enrolBank(cloud.db, `${p}bank-a`, `${p}kiosk-1`, 'inc-1');
    await applyPush(
      cloud.db,
      first.identity,
      { incarnationId: 'inc-1', mutations: doorFacts(1, 3) },
      startMs,
    );
    await revokeDevice(cloud.db, `${p}t1`, `${p}kiosk-1`, startMs);
    // Same database (same incarnation): its mutation ids go on.
    const again = await enrolDevice(
      cloud.db,
      request(await newCode(cloud.db, `${p}bank-a`), 'kiosk-1', 'inc-1'),
      startMs + 1,
    );
    expect(await refusal(authenticateDevice(cloud.db, `Bearer ${first.credential}`))).toBe(
      'unauthorized',
    );
    expect(await refusal(authenticateDevice(cloud.db, `Bearer ${again.credential}`))).toBe(
      'accepted',
    );
    let [device] = await cloud.db
      .select()
      .from(devices)
      .where(eq(devices.id, `${p}kiosk-1`));
    expect(device).toMatchObject({ lastMutationId: 3, revokedAt: null, incarnationId: 'inc-1' });
    // A recreated database (new incarnation) starts its ids again from 1.
    await enrolDevice(
      cloud.db,
      request(await newCode(cloud.db, `${p}bank-a`), 'kiosk-1', 'inc-2'),
      startMs + 2,
    );
    [device] = await cloud.db
      .select()
      .from(devices)
      .where(eq(devices.id, `${p}kiosk-1`));
    expect(device).toMatchObject({ lastMutationId: 0, incarnationId: 'inc-2' });
    expect(
      await cloud.db
        .select()
        .from(deviceMutations)
        .where(eq(deviceMutations.deviceId, `${p}kiosk-1`)),
    ).toEqual([]);
  });

  it('refuses a device id already enrolled for another bank and keeps the code', async () => {
    await enrolBank(cloud.db, `${p}bank-a`, `${p}kiosk-1`);
    const code = await newCode(cloud.db, `${p}bank-b`);
    expect(await refusal(enrolDevice(cloud.db, request(code, 'kiosk-1'), startMs))).toBe(
      'invalid_request',
    );
    const other = await enrolDevice(cloud.db, request(code, 'kiosk-2'), startMs);
    expect(other.bankId).toBe(`${p}bank-b`);
  });
});
