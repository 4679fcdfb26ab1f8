/**
 * B5: an accessible compartment has its whole door between 38 and 122 cm above the floor, the
 * reach range of a person in a wheelchair (the same figures as the ADA's unobstructed forward
 * reach, 15–48 in).
 */
export const accessibleDoorRange = { minCm: 38, maxCm: 122 } as const;

export function isAccessibleDoor(door: { doorBottomCm: number; doorTopCm: number }): boolean {
  return (
    door.doorBottomCm >= accessibleDoorRange.minCm && door.doorTopCm <= accessibleDoorRange.maxCm
  );
}

/** How far, in cm, a door sticks out of the accessible range: 0 for an accessible door. */
export function reachOverflowCm(door: { doorBottomCm: number; doorTopCm: number }): number {
  return (
    Math.max(0, accessibleDoorRange.minCm - door.doorBottomCm) +
    Math.max(0, door.doorTopCm - accessibleDoorRange.maxCm)
  );
}
