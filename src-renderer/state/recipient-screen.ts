import type { PickupView } from '../../src-shared/api/pickup-methods.js';

/**
 * The screens anyone may see, before signing in. Signed in, the operator shell replaces them.
 * `visit` numbers each pickup so a second pickup in a row mounts a fresh screen.
 */
export type RecipientScreen =
  | { name: 'home' }
  | { name: 'pickup_code' }
  | { name: 'pickup'; view: PickupView; visit: number }
  | { name: 'sign_in' }
  /** F1, F3–F5: a new storage, or one already running (code or badge). */
  | { name: 'storage' }
  /** D3, D4: the sender's code for a return or an exchange. */
  | { name: 'handover_drop' };
