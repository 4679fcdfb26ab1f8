/** A wall-clock time of day for the screen, in the person's language (14:03:05 / 2:03:05 PM). */
export function formatTimeOfDay(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  }).format(epochMs);
}
