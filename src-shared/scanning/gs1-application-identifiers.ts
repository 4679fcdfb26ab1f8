/**
 * The GS1 application identifiers a parcel label uses, with their data lengths (GS1 General
 * Specifications, section 3). Not the whole table: an AI missing here ends parsing, and what
 * was read before it is kept, so an unexpected AI never shifts the meaning of the rest.
 */
export interface ApplicationIdentifier {
  ai: string;
  /** Data of exactly this length (no GS needed after it), or up to `maxLength` ended by GS. */
  length: { fixed: number } | { max: number };
  numeric: boolean;
}

function fixed(ai: string, length: number, numeric = true): ApplicationIdentifier {
  return { ai, length: { fixed: length }, numeric };
}

function variable(ai: string, max: number, numeric = false): ApplicationIdentifier {
  return { ai, length: { max }, numeric };
}

const twoDigit: Record<string, ApplicationIdentifier> = {
  '00': fixed('00', 18), // SSCC: the logistic unit (parcel, pallet)
  '01': fixed('01', 14), // GTIN
  '02': fixed('02', 14),
  '03': fixed('03', 14),
  '10': variable('10', 20), // batch or lot
  '11': fixed('11', 6), // dates YYMMDD: 11 to 17
  '12': fixed('12', 6),
  '13': fixed('13', 6),
  '15': fixed('15', 6),
  '16': fixed('16', 6),
  '17': fixed('17', 6),
  '20': fixed('20', 2),
  '21': variable('21', 20), // serial number
  '22': variable('22', 20),
  '30': variable('30', 8, true),
  '37': variable('37', 8, true),
  '90': variable('90', 30),
};

const threeDigit: Record<string, ApplicationIdentifier> = {
  '240': variable('240', 30),
  '241': variable('241', 30),
  '250': variable('250', 30),
  '251': variable('251', 30),
  '400': variable('400', 30), // customer's order number
  '401': variable('401', 30), // consignment number (GINC)
  '402': fixed('402', 17), // shipment id (GSIN)
  '403': variable('403', 30), // routing code
  '410': fixed('410', 13), // ship to / deliver to GLN: 410 to 417
  '411': fixed('411', 13),
  '412': fixed('412', 13),
  '413': fixed('413', 13),
  '414': fixed('414', 13),
  '415': fixed('415', 13),
  '416': fixed('416', 13),
  '417': fixed('417', 13),
  '420': variable('420', 20), // ship-to postal code, one country (USPS IMpb routing)
  '421': variable('421', 12), // ship-to postal code with its ISO 3166 country number first
  '422': fixed('422', 3),
  '423': variable('423', 15, true),
  '424': fixed('424', 3),
  '425': variable('425', 15, true),
  '426': fixed('426', 3),
};

/**
 * The application identifier at the start of `text`, or undefined when it is not one this
 * table knows. 91 to 99 are each company's internal data: USPS puts its IMpb tracking number
 * under 92 to 95, FedEx its Ground number under 96.
 */
export function applicationIdentifierAt(text: string): ApplicationIdentifier | undefined {
  const two = text.slice(0, 2);
  const known = twoDigit[two] ?? threeDigit[text.slice(0, 3)];
  if (known) {
    return known;
  }
  if (/^9[1-9]$/.test(two)) {
    return variable(two, 90);
  }
  const four = text.slice(0, 4);
  if (/^3[1-6]\d\d$/.test(four)) {
    return fixed(four, 6); // measures with a decimal point position: net weight, sizes…
  }
  return undefined;
}
