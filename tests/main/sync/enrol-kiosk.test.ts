import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cloudCredentialFile,
  loadCloudCredential,
} from '../../../src-main/sync/cloud-credential-home.js';
import type { EnrolRequest } from '../../../src-shared/sync/enrolment.js';
import { cloudUrl, syncHarness, type SyncHarness } from './sync-harness.js';
import { until } from './settle.js';

const code = 'ABCD-EFGH-JKLM-NPQR';

describe('enrolling the kiosk', () => {
  let harness: SyncHarness;

  beforeEach(() => {
    harness = syncHarness();
  });

  afterEach(async () => {
    await harness.close();
  });

  it('exchanges the code for a credential, saves it 0600, then syncs with it', async () => {
    harness.cloud.validCodes.add(code);
    harness.writeFacts(1);
    const engine = harness.engine({ enrolmentCode: ` ${code.toLowerCase()} ` });
    engine.start();
    await until(() => engine.status().state === 'online');

    const [enrol] = harness.cloud.requestsTo('enrol');
    expect(enrol?.authorization).toBeUndefined();
    expect(enrol?.body).toEqual({
      enrolmentCode: code,
      deviceId: harness.identity.deviceId,
      incarnationId: harness.identity.incarnationId,
      appVersion: '0.1.0',
    } satisfies EnrolRequest);
    expect(loadCloudCredential(harness.dataDir)).toEqual({
      cloudUrl,
      tenantId: 'tenant-1',
      bankId: 'cloud-bank-1',
      credential: harness.cloud.credential,
    });
    expect(statSync(cloudCredentialFile(harness.dataDir)).mode & 0o777).toBe(0o600);
    expect(harness.cloud.requestsTo('push')[0]?.authorization).toBe(
      `Bearer ${harness.cloud.credential}`,
    );
    expect(harness.cloud.appliedIds).toEqual([1]);
  });

  it('says not enrolled, with the reason, when the code is refused; the kiosk goes on offline', async () => {
    harness.writeFacts(2);
    const engine = harness.engine({ enrolmentCode: code });
    engine.start();
    await until(() => engine.status().problem === 'enrolment_code_invalid');

    expect(engine.status()).toEqual({
      state: 'not_enrolled',
      lastSyncAt: null,
      queueDepth: 2,
      problem: 'enrolment_code_invalid',
    });
    await harness.clock.advance(10 * 60_000);
    expect(harness.cloud.requests.map((request) => request.route)).toEqual(['enrol']);
    expect(loadCloudCredential(harness.dataDir)).toBeUndefined();
  });

  it('never sends a code that is not one', async () => {
    const engine = harness.engine({ enrolmentCode: 'not a code' });
    engine.start();
    await until(() => engine.status().problem === 'enrolment_code_invalid');

    expect(harness.cloud.requests).toEqual([]);
  });

  it('retries the enrolment while the cloud cannot be reached', async () => {
    harness.cloud.validCodes.add(code);
    harness.cloud.fail('enrol', { kind: 'network' }, { kind: 'network' });
    const engine = harness.engine({ enrolmentCode: code });
    engine.start();
    await until(() => engine.status().problem === 'network');
    expect(engine.status().state).toBe('not_enrolled');

    await harness.clock.advance(500);
    await until(() => harness.cloud.requestsTo('enrol').length === 2);
    await harness.clock.advance(1_000);
    await until(() => engine.status().state === 'online');
    expect(harness.cloud.requestsTo('enrol')).toHaveLength(3);
  });

  it('waits, not enrolled, when it has neither credential nor code', async () => {
    const engine = harness.engine();
    engine.start();
    await until(() => engine.status().state === 'not_enrolled');

    expect(engine.status().problem).toBeNull();
    expect(harness.cloud.requests).toEqual([]);
  });
});
