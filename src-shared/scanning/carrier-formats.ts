import type { Carrier } from '../domain/scan.js';
import { hasGs1CheckDigit } from './check-digits.js';
import { libraryFormat } from './tracking-library.js';

/**
 * A tracking-number format: which carrier, our own rule on length and prefix (a check digit
 * alone does not name a carrier: one random number in ten passes any modulo-10 check), and the
 * check the number must pass. `candidate` is upper-case letters and digits only.
 */
export interface CarrierFormat {
  name: string;
  carrier: Carrier;
  /** Anchored; the first group, when there is one, is the tracking number to keep. */
  pattern: RegExp;
  check(trackingNumber: string): boolean;
  /** Only when the scanner sent no AIM identifier (see the SSCC format). */
  onlyWithoutAimId?: boolean;
}

const ups = libraryFormat('ups', 'UPS');
const fedex12 = libraryFormat('fedex', 'FedEx Express (12)');
const fedex15 = libraryFormat('fedex', 'FedEx Ground');
const fedex96 = libraryFormat('fedex', 'FedEx Ground 96 (22)');
const fedexGsn = libraryFormat('fedex', 'FedEx Ground GSN');
const fedex34 = libraryFormat('fedex', 'FedEx Express (34)');
const fedexSmartPost = libraryFormat('fedex', 'FedEx SmartPost');
const uspsImpb = libraryFormat('usps', 'USPS 91');
const usps20 = libraryFormat('usps', 'USPS 20');
const dhlExpress = libraryFormat('dhl', 'DHL Express');
const dhlPiece = libraryFormat('dhl', 'DHL Express (Piece ID)');
const dhlEcommerce = libraryFormat('dhl', 'DHL E-Commerce');
const s10 = libraryFormat('s10', 'S10');
const amazon = libraryFormat('amazon', 'Amazon Logistics');

/**
 * Checked in full for every scan; when formats of different carriers (or different tracking
 * numbers) pass, the scan is ambiguous and stays unknown. Left out on purpose: formats the
 * library accepts with no check digit and a prefix too common to name a carrier (Amazon
 * "international" A/F/C + 10 digits, UPS Mail Innovations letter + 10 digits, DHL e-commerce
 * prefixes other than GM, OnTrac, which is not one of our carriers).
 */
export const carrierFormats: readonly CarrierFormat[] = [
  { name: 'UPS 1Z', carrier: 'ups', pattern: /^1Z[0-9A-Z]{16}$/, check: ups },
  { name: 'FedEx Express 12', carrier: 'fedex', pattern: /^\d{12}$/, check: fedex12 },
  { name: 'FedEx Ground 15', carrier: 'fedex', pattern: /^\d{15}$/, check: fedex15 },
  { name: 'FedEx Ground 96 (22)', carrier: 'fedex', pattern: /^96\d{20}$/, check: fedex96 },
  { name: 'FedEx Ground 96 (34)', carrier: 'fedex', pattern: /^96\d{32}$/, check: fedexGsn },
  { name: 'FedEx Express 34', carrier: 'fedex', pattern: /^10\d{32}$/, check: fedex34 },
  // SmartPost (now Ground Economy) 20-digit numbers overlap USPS 20: listed so an overlap is
  // seen as ambiguous; its 22-digit "92…" form is a USPS IMpb and is named USPS below.
  {
    name: 'FedEx SmartPost 20',
    carrier: 'fedex',
    pattern: /^\d{2}29\d{16}$/,
    check: fedexSmartPost,
  },
  // USPS Intelligent Mail package barcode: channel 91 to 95, 22 or 26 digits…
  { name: 'USPS IMpb', carrier: 'usps', pattern: /^(9[1-5](?:\d{20}|\d{24}))$/, check: uspsImpb },
  // …behind its routing code (420 + ZIP or ZIP+4) when the scanner dropped the FNC1.
  {
    name: 'USPS IMpb with ZIP',
    carrier: 'usps',
    pattern: /^420\d{5}(9[1-5](?:\d{20}|\d{24}))$/,
    check: uspsImpb,
  },
  {
    name: 'USPS IMpb with ZIP+4',
    carrier: 'usps',
    pattern: /^420\d{9}(9[1-5]\d{20})$/,
    check: uspsImpb,
  },
  // 00 is never a USPS service type: "00" + 18 digits is an SSCC whose FNC1 was dropped.
  { name: 'USPS 20', carrier: 'usps', pattern: /^(?!00)\d{20}$/, check: usps20 },
  { name: 'DHL Express', carrier: 'dhl', pattern: /^\d{10,11}$/, check: dhlExpress },
  { name: 'DHL piece', carrier: 'dhl', pattern: /^J[A-Z]{2,3}\d{9,10}$/, check: dhlPiece },
  { name: 'DHL eCommerce', carrier: 'dhl', pattern: /^GM\d{16,18}$/, check: dhlEcommerce },
  // Canada Post parcels: 16 digits with the GS1 modulo-10 check digit.
  { name: 'Canada Post 16', carrier: 'canada_post', pattern: /^\d{16}$/, check: hasGs1CheckDigit },
  // UPU S10: the last two letters name the post that issued it; ours are named, not "S10".
  { name: 'S10 Canada Post', carrier: 'canada_post', pattern: /^[A-Z]{2}\d{9}CA$/, check: s10 },
  { name: 'S10 USPS', carrier: 'usps', pattern: /^[A-Z]{2}\d{9}US$/, check: s10 },
  {
    name: 'UPU S10',
    carrier: 'upu_s10',
    pattern: /^[A-Z]{2}\d{9}(?!CA|US)[A-Z]{2}$/,
    check: s10,
  },
  { name: 'Amazon TBA', carrier: 'amazon', pattern: /^TBA\d{12}$/, check: amazon },
  {
    name: 'SSCC without FNC1',
    carrier: 'sscc',
    pattern: /^00(\d{18})$/,
    check: hasGs1CheckDigit,
    onlyWithoutAimId: true,
  },
];
