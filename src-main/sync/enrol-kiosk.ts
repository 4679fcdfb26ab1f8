import { EnrolRequest } from '../../src-shared/sync/enrolment.js';
import type { SyncIdentity } from '../db/queries/sync-device.js';
import type { Logger } from '../logging/logger.js';
import type { CloudClient } from './cloud-client.js';
import { saveCloudCredential, type CloudCredential } from './cloud-credential-home.js';
import type { CloudFailure } from './cloud-failure.js';

export interface EnrolKioskDependencies {
  /** A client without credential: enrolment is the one call made before having one. */
  client: CloudClient;
  dataDir: string;
  cloudUrl: string;
  identity: SyncIdentity;
  appVersion: string;
  logger: Logger;
}

export type EnrolOutcome =
  | { kind: 'enrolled'; credential: CloudCredential }
  | { kind: 'refused' }
  | { kind: 'failed'; failure: CloudFailure };

/**
 * Exchanges a one-time enrolment code for this kiosk's device credential and saves it before
 * anything uses it. A refused code is final for this code (wrong, expired or already used: the
 * cloud gives one answer for all three); the kiosk keeps working offline meanwhile. If the
 * answer is lost after the cloud consumed the code, a retry is refused too: an admin then issues
 * a new code, which is safer than a code that could be replayed.
 */
export async function enrolKiosk(
  dependencies: EnrolKioskDependencies,
  enrolmentCode: string,
  signal?: AbortSignal,
): Promise<EnrolOutcome> {
  const { logger } = dependencies;
  const request = EnrolRequest.safeParse({
    enrolmentCode,
    deviceId: dependencies.identity.deviceId,
    incarnationId: dependencies.identity.incarnationId,
    appVersion: dependencies.appVersion,
  });
  if (!request.success) {
    // The code is never logged: it is a one-time secret until used.
    logger.error('the configured enrolment code is not in the XXXX-XXXX-XXXX-XXXX form');
    return { kind: 'refused' };
  }
  const answer = await dependencies.client.enrol(request.data, signal ? { signal } : {});
  if (!answer.ok) {
    if (answer.failure.kind === 'enrolment_code_invalid') {
      logger.error(
        { detail: answer.failure.detail },
        'the cloud refused the enrolment code; the kiosk keeps working offline',
      );
      return { kind: 'refused' };
    }
    return { kind: 'failed', failure: answer.failure };
  }
  const credential: CloudCredential = {
    cloudUrl: dependencies.cloudUrl,
    tenantId: answer.value.tenantId,
    bankId: answer.value.bankId,
    credential: answer.value.credential,
  };
  saveCloudCredential(dependencies.dataDir, credential);
  logger.info(
    { tenantId: credential.tenantId, bankId: credential.bankId, bankName: answer.value.bankName },
    'kiosk enrolled with the cloud',
  );
  return { kind: 'enrolled', credential };
}
