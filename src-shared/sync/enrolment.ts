import { z } from 'zod';

/** The enrolment code an admin gets when a bank is created: one use, expiring. */
export const EnrolmentCode = z.string().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);

export const EnrolRequest = z
  .object({
    enrolmentCode: z.string().trim().toUpperCase().pipe(EnrolmentCode),
    /** The kiosk's sync identity (sync_device.device_id) and its database incarnation. */
    deviceId: z.string().min(1).max(64),
    incarnationId: z.string().min(1).max(64),
    appVersion: z.string().min(1).max(40),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z
  .object({
    tenantId: z.string(),
    bankId: z.string(),
    bankName: z.string(),
    /**
     * The device credential, shown once: `<deviceId>.<secret>`, sent as a Bearer token on every
     * sync request. The cloud keeps only a hash and can revoke it.
     */
    credential: z.string().min(40),
  })
  .strict();
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** Error bodies of the sync API: a code the kiosk can act on and a message for the log. */
export const syncErrorCodes = [
  'invalid_request',
  'unauthorized',
  'credential_revoked',
  'enrolment_code_invalid',
  'unknown_incarnation',
  'mutation_gap',
  'temporarily_unavailable',
  'not_found',
] as const;
export const SyncError = z
  .object({
    error: z.enum(syncErrorCodes),
    message: z.string(),
    expectedNextId: z.number().int().positive().optional(),
  })
  .strict();
export type SyncError = z.infer<typeof SyncError>;
