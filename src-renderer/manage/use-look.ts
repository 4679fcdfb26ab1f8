import type { CompartmentUse } from '../../src-shared/api/management-methods.js';

/**
 * A symbol per use, shown beside its word: together with the tile's border style the use reads
 * without colour (styles.css: state is never told by colour alone).
 */
export const useSymbols: Readonly<Record<CompartmentUse, string>> = {
  available: '○',
  reserved: '◇',
  occupied: '■',
  expired: '⚠',
  out_of_service: '⊘',
};
