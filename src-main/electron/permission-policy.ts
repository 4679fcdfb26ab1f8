import { isSameOrigin } from './app-origin.js';

export interface PermissionPolicy {
  /** The kiosk page's URL; only it may ever be granted anything. */
  appUrl: string;
  /** The bank scans codes with a camera (bank setting): the kiosk page may use the camera. */
  cameraScanning: boolean;
}

/** The fields of Electron's permission request details the policy reads. */
export interface PermissionRequestLike {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: readonly string[];
}

/** The fields of Electron's permission check details the policy reads. */
export interface PermissionCheckLike {
  requestingUrl?: string;
  securityOrigin?: string;
  isMainFrame?: boolean;
  mediaType?: string;
}

/**
 * `session.setPermissionRequestHandler`: everything is denied (security.md) except the camera
 * (video only, never the microphone), for the kiosk page's main frame, when the bank uses camera
 * scanning.
 */
export function isPermissionRequestAllowed(
  permission: string,
  details: PermissionRequestLike,
  policy: PermissionPolicy,
): boolean {
  if (!policy.cameraScanning || permission !== 'media' || details.isMainFrame !== true) {
    return false;
  }
  const mediaTypes = details.mediaTypes ?? [];
  return (
    mediaTypes.length > 0 &&
    mediaTypes.every((type) => type === 'video') &&
    isSameOrigin(details.requestingUrl ?? '', policy.appUrl)
  );
}

/** `session.setPermissionCheckHandler`: the synchronous twin of the request handler. */
export function isPermissionCheckAllowed(
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckLike,
  policy: PermissionPolicy,
): boolean {
  if (!policy.cameraScanning || permission !== 'media' || details.mediaType !== 'video') {
    return false;
  }
  return (
    isSameOrigin(requestingOrigin, policy.appUrl) &&
    isSameOrigin(details.requestingUrl ?? '', policy.appUrl)
  );
}
