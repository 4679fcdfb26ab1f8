import { z } from 'zod';
import { locales } from '../i18n/locales.js';

/** A5: admins define at most this many custom fields. */
export const maxCustomFields = 10;

/**
 * Values of the admin-defined fields (A5), by field key. Plain JSON scalars only, so a field is
 * shown and edited the same way on every screen; stored as one JSON object per contact.
 */
export const CustomFields = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    z.union([z.string().max(200), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((fields) => Object.keys(fields).length <= maxCustomFields, {
    message: `At most ${maxCustomFields} custom fields`,
  });
export type CustomFields = z.infer<typeof CustomFields>;

/** The language a recipient's notifications are written in (A6). */
export const ContactLanguage = z.enum(locales);
export type ContactLanguage = z.infer<typeof ContactLanguage>;

/** A recipient as the address book (B1) and the CSV import (B2) give it, before it gets an id. */
export const ContactDraft = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Stored in lower case: the kiosk looks people up by it, and nobody types case in mail. */
    email: z.email().max(254).toLowerCase().nullable(),
    phone: z.string().trim().min(1).max(40).nullable(),
    language: ContactLanguage,
    /** The employee or student number; unique when present (B2 "Duplicate Personnel ID"). */
    personnelId: z.string().trim().min(1).max(64).nullable(),
    departmentId: z.string().nullable(),
    /** B5: only accessible doors for this recipient. */
    accessibilityNeed: z.boolean(),
    customFields: CustomFields,
    active: z.boolean(),
  })
  .strict();
export type ContactDraft = z.infer<typeof ContactDraft>;
export type ContactDraftInput = z.input<typeof ContactDraft>;
