import type { KioskTransport } from '../../src-shared/api/transport.js';
import type { Result } from '../../src-shared/api/result.js';
import type { ScanReceived } from '../../src-shared/api/contract.js';
import type { SessionInfo } from '../../src-shared/api/session-methods.js';

/** The demo admin's badge (src-main/db/seed-demo-credentials.ts): no scrypt wait per test. */
export const demoAdminBadge = 'CSR1-OP-demo-admin-7Hq2Kx9Lm4';
/** The demo mailroom operator's badge. */
export const demoMailroomBadge = 'CSR1-OP-demo-mailroom-Rw5Nc8Ty3p';
/** The demo carrier's sign-in QR. */
export const demoCarrierQr = 'CSR1-CR-demo-express-Vb6Zt1Qe8Jx3';

function value<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) {
    throw new Error(`${what} refused: ${result.error.code} ${result.error.message}`);
  }
  return result.value as T;
}

/** Signs in at a demo kiosk by scanning a credential, as a page would: scan, then its id. */
export async function signInWithCredential(
  transport: Pick<KioskTransport, 'invoke'>,
  text: string,
): Promise<SessionInfo> {
  const scan = value<ScanReceived>(
    await transport.invoke('scan.submit', { text, source: 'keyboard' }, 'en'),
    'scan.submit',
  );
  return value<SessionInfo>(
    await transport.invoke('session.signInWithScan', { scanId: scan.scanId }, 'en'),
    'session.signInWithScan',
  );
}
