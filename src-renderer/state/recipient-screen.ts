import type { PickupView } from '../../src-shared/api/pickup-methods.js';

/**
 * The screens anyone may see, before signing in. Signed in, the operator shell replaces them.
 * `visit` numbers each pickup so a second pickup in a row mounts a fresh screen.
 */
export type RecipientScreen =
  | { name: 'home' }
  | { name: 'pickup_code' }
  | { name: 'pickup'; view: PickupView; visit: number }
  | { name: 'sign_in' };
