/** The screen greets by first name only: the next person in the queue may be reading it. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}
