import { z } from 'zod';

/**
 * Built-in roles (A4). Each person has exactly one. Custom roles defined in the console come with
 * the cloud (issue 6); they will map onto the same permission vocabulary (permissions.ts).
 */
export const roles = ['admin', 'mailroom_operator', 'carrier', 'recipient'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/**
 * The roles an operator account may hold. Carriers sign in with their QR code (carrier table) and
 * recipients with a pickup code or badge (contact table), so neither is an operator account.
 */
export const operatorRoles = ['admin', 'mailroom_operator'] as const satisfies readonly Role[];
export const OperatorRole = z.enum(operatorRoles);
export type OperatorRole = z.infer<typeof OperatorRole>;
