/** An item sensor reading as the tile shows it; `none` where the bank has or trusts no sensor. */
export type ItemsAttribute = 'present' | 'empty' | 'none';

export function itemsAttribute(items: boolean | null): ItemsAttribute {
  if (items === null) {
    return 'none';
  }
  return items ? 'present' : 'empty';
}
