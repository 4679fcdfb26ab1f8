/**
 * When a storage ends, in the person's language, with the day: a stay may last days, so a time
 * of day alone would not say which day ("Tue, Nov 25, 2:00 PM", "mar. 25 nov., 14:00").
 */
export function formatStorageEnd(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}
