/**
 * Where the kiosk page lives inside Electron: a custom, privileged scheme instead of `file://`
 * (security.md, Electron checklist item 18), so the page has a real origin that CSP `'self'`,
 * the IPC sender check and the permission handler can all compare against.
 */
export const appScheme = 'app';
export const appHost = 'kiosk';
export const appUrl = `${appScheme}://${appHost}/`;

/** What the IPC bridge needs to know about the frame that sent a message. */
export interface SenderFrameLike {
  readonly url: string;
}

/**
 * True when `url` has exactly the same scheme, host and port as `trustedUrl`, and no user info.
 * Compared on parsed parts, never with `startsWith`: `app://kiosk.evil/` must not pass.
 */
export function isSameOrigin(url: string, trustedUrl: string): boolean {
  const candidate = parseUrl(url);
  const trusted = parseUrl(trustedUrl);
  if (!candidate || !trusted) {
    return false;
  }
  return (
    candidate.protocol === trusted.protocol &&
    candidate.host === trusted.host &&
    candidate.host !== '' &&
    candidate.username === '' &&
    candidate.password === ''
  );
}

/**
 * The IPC sender check (security.md: "IPC sender checked"): only a frame showing our own page may
 * call the kiosk API. A frame that navigated away or was destroyed (`null`) is refused.
 */
export function createTrustedSenderCheck(
  trustedUrl: string,
): (frame: SenderFrameLike | null) => boolean {
  return (frame) => frame !== null && isSameOrigin(frame.url, trustedUrl);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
