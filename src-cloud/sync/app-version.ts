/**
 * The oldest kiosk build the server still serves pulls to; older ones are told to upgrade
 * (sync.md: pull may say `upgrade_required`; push of facts is never refused for version).
 */
export const minimumKioskAppVersion = '0.1.0';

function parts(version: string): number[] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match === null ? null : [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Compares major.minor.patch; a version that does not parse is never told to upgrade. */
export function isAppVersionBelow(version: string, minimum: string): boolean {
  const given = parts(version);
  const floor = parts(minimum);
  if (given === null || floor === null) {
    return false;
  }
  for (let index = 0; index < 3; index++) {
    const difference = (given[index] ?? 0) - (floor[index] ?? 0);
    if (difference !== 0) {
      return difference < 0;
    }
  }
  return false;
}
