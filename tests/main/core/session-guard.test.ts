import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskMethods, type KioskMethodName } from '../../../src-shared/api/contract.js';
import { defaultBankSettings } from '../../../src-shared/domain/bank-settings.js';
import { demoCarrierQr } from '../../helpers/demo-session.js';
import { startCoreHarness, type CoreHarness } from './core-harness.js';

/**
 * Decision 0007: every method that takes `session` refuses a call without one, with a made-up
 * one, and (for staff work) with a carrier's, before it does anything.
 */
const protectedMethods = (Object.keys(kioskMethods) as KioskMethodName[]).filter((method) => {
  const args = kioskMethods[method].args as unknown as { shape?: Record<string, unknown> };
  return args.shape !== undefined && 'session' in args.shape;
});

/** Methods a carrier may call (D10: drop-off only, and its own session). */
const carrierMethods = new Set<KioskMethodName>([
  'session.current',
  'session.signOut',
  'settings.get',
  'directory.search',
  'dropoff.identify',
  'dropoff.identifyScan',
  'dropoff.reservations',
  'dropoff.propose',
  'dropoff.start',
  'dropoff.biggerDoor',
  'dropoff.reopen',
  'dropoff.cancel',
]);

/** Arguments that pass the schema, so the refusal comes from the session check. */
function validArgs(
  method: KioskMethodName,
  session: string,
  documents: { profile: unknown },
): Record<string, unknown> {
  const filler: Record<string, unknown> = {
    settings: defaultBankSettings,
    profile: documents.profile,
    compartmentId: 'c1',
    service: 'in_service',
    query: 'a',
    text: '1Z999AA10123456784',
    scanId: 'scan-1',
    depositId: 'deposit-1',
    reason: 'overstayed',
    externalId: 'web-1',
    handoverId: 'h-1',
    booking: {
      externalId: 'web-1',
      contactId: 'x',
      size: 'S',
      startsAtMs: 0,
      hours: 24,
      preferredCompartmentId: null,
    },
    request: method.startsWith('handover.')
      ? {
          kind: 'return',
          senderContactId: 'x',
          receiverContactId: null,
          size: 'S',
          trackingNumber: null,
          generateTrackingNumber: false,
          dropWithinDays: 7,
        }
      : {
          recipient: { kind: 'contact', id: 'x' },
          trackingNumber: null,
          carrier: null,
          parcelSize: null,
          placement: { kind: 'engine' },
          expectedParcelId: null,
          reservationId: null,
        },
  };
  const args = kioskMethods[method].args as unknown as { shape: Record<string, unknown> };
  return Object.fromEntries(
    Object.keys(args.shape).map((key) => [key, key === 'session' ? session : filler[key]]),
  );
}

describe('methods that need a session', () => {
  let harness: CoreHarness;
  let carrierSession: string;
  const documents: { profile: unknown } = { profile: undefined };
  const argsFor = (method: KioskMethodName, session: string) =>
    validArgs(method, session, documents);

  beforeAll(async () => {
    harness = await startCoreHarness();
    carrierSession = await harness.signInWithScan(demoCarrierQr);
    documents.profile = await harness.profile();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('are the staff and drop-off methods, not the pickup ones', () => {
    expect(protectedMethods).toContain('compartment.open');
    expect(protectedMethods).toContain('dropoff.start');
    expect(protectedMethods).not.toContain('pickup.withCode');
    expect(protectedMethods.length).toBeGreaterThan(20);
  });

  it.each(protectedMethods)('%s: refused without a session', async (method) => {
    const { session: _none, ...args } = argsFor(method, '');
    const result = await harness.invoke(method, { ...args, session: null });
    expect(result.ok ? 'accepted' : result.error.code).toBe('invalid_argument');
  });

  // Signing out a session that does not exist is harmless, so it is not refused.
  it.each(protectedMethods.filter((method) => method !== 'session.signOut'))(
    '%s: refused with a made-up session',
    async (method) => {
      const result = await harness.invoke(method, argsFor(method, 'x'.repeat(43)));
      expect(result.ok ? 'accepted' : result.error.code).toBe('not_signed_in');
    },
  );

  it.each(protectedMethods.filter((method) => !carrierMethods.has(method)))(
    '%s: refused to a carrier',
    async (method) => {
      const result = await harness.invoke(method, argsFor(method, carrierSession));
      expect(result.ok ? 'accepted' : result.error.code).toBe('permission_denied');
    },
  );

  it('names nothing in the activity log for the refused calls', () => {
    expect(harness.facts()).toEqual([]);
  });
});
