import type { Carrier } from '../../../src-shared/domain/scan.js';

/**
 * Check-digit rules written out again from the carriers' published descriptions, apart from
 * ts-tracking-number and src-shared/scanning, so the tests catch a library or a decoder that
 * accepts a wrong check digit.
 */

/** GS1 modulo 10: weights 3, 1, 3… from the right of the digits before the check digit. */
export function gs1Valid(digits: string): boolean {
  const body = digits.slice(0, -1);
  let sum = 0;
  [...body].reverse().forEach((digit, index) => {
    sum += Number(digit) * (index % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

/** UPS 1Z: the 15 characters after 1Z, letters as (code − 63) mod 10, weights 1, 2, 1, 2… */
export function upsValid(value: string): boolean {
  const body = value.slice(2, 17);
  let sum = 0;
  [...body].forEach((character, index) => {
    const number = /\d/.test(character) ? Number(character) : (character.charCodeAt(0) - 63) % 10;
    sum += number * (index % 2 === 0 ? 1 : 2);
  });
  return (10 - (sum % 10)) % 10 === Number(value.at(-1));
}

/** FedEx Express: weights 1, 3, 7… from the right, sum modulo 11, then modulo 10. */
export function fedexExpressValid(serialAndCheck: string): boolean {
  const body = serialAndCheck.slice(0, -1);
  const weights = [1, 3, 7];
  let sum = 0;
  [...body].reverse().forEach((digit, index) => {
    sum += Number(digit) * weights[index % 3]!;
  });
  return (sum % 11) % 10 === Number(serialAndCheck.at(-1));
}

/** DHL Express waybill: the number before the check digit, modulo 7. */
export function dhlValid(value: string): boolean {
  return Number(value.slice(0, -1)) % 7 === Number(value.at(-1));
}

/** UPU S10: weights 8 6 4 2 3 5 9 7 on the 8 serial digits, 11 − sum mod 11 (10 → 0, 11 → 5). */
export function s10Valid(value: string): boolean {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    sum += Number(value[2 + index]) * weights[index]!;
  }
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 0 : check === 11 ? 5 : check;
  return expected === Number(value[10]);
}

/** Whether `value` is a number of `carrier` with a right check digit, by some format of it. */
export function referenceValid(carrier: Carrier, value: string): boolean {
  switch (carrier) {
    case 'ups':
      return /^1Z[0-9A-Z]{16}$/.test(value) && upsValid(value);
    case 'fedex':
      return fedexValid(value);
    case 'usps':
      return (
        (/^(9[1-5]\d{20}|9[1-5]\d{24}|\d{20})$/.test(value) && gs1Valid(value)) ||
        (/^[A-Z]{2}\d{9}US$/.test(value) && s10Valid(value))
      );
    case 'dhl':
      return (
        (/^\d{10,11}$/.test(value) && dhlValid(value)) ||
        // No check digit in these two formats: the prefix is the whole rule.
        /^J[A-Z]{2,3}\d{9,10}$/.test(value) ||
        /^GM\d{16,18}$/.test(value)
      );
    case 'canada_post':
      return (
        (/^\d{16}$/.test(value) && gs1Valid(value)) ||
        (/^[A-Z]{2}\d{9}CA$/.test(value) && s10Valid(value))
      );
    case 'upu_s10':
      return /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(value) && s10Valid(value);
    case 'sscc':
      return /^\d{18}$/.test(value) && gs1Valid(value);
    case 'amazon':
      return /^TBA\d{12}$/.test(value);
  }
}

function fedexValid(value: string): boolean {
  if (/^\d{12}$/.test(value)) {
    return fedexExpressValid(value);
  }
  if (/^\d{15}$/.test(value)) {
    return gs1Valid(value);
  }
  if (/^96\d{20}$/.test(value)) {
    return gs1Valid(value.slice(7));
  }
  if (/^(96|10)\d{32}$/.test(value)) {
    return fedexExpressValid(value.slice(20));
  }
  if (/^\d{2}29\d{16}$/.test(value)) {
    return gs1Valid(`92${value}`);
  }
  return false;
}
