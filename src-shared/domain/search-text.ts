/**
 * The form names, emails and ids are searched in: lower case, accents and ligatures folded, one
 * space between words. "Élodie LEFÈVRE" and "elodie lefevre" both become "elodie lefevre", so a
 * plain SQLite LIKE on a stored normalised column finds a contact however it is typed.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search box, normalised; an empty box gives no words. */
export function searchWords(query: string): string[] {
  const normalised = normalizeSearchText(query);
  return normalised === '' ? [] : normalised.split(' ');
}
