/**
 * Only the kiosk page itself may open the API socket. Browsers send Origin on WebSocket
 * upgrades, so a web page from anywhere else (opened on the same machine) is refused: without
 * this check any site could open doors through a kiosk's loopback port.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
): boolean {
  if (!origin || !hostHeader) {
    return false;
  }
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  return (
    originUrl.protocol === 'http:' &&
    originUrl.host === hostHeader &&
    isLoopbackHost(originUrl.hostname)
  );
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
