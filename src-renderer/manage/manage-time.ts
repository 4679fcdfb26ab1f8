/** A date and time of day for the parcel lines, in the person's language ("25 Nov, 14:03"). */
export function formatDateTime(locale: string, epochMs: number): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}
