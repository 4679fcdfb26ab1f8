/**
 * The GS1 modulo-10 check digit (weights 3 and 1 from the right), used by SSCC-18 and by Canada
 * Post's 16-digit parcel numbers; ts-tracking-number knows neither.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let index = 0; index < digitsWithoutCheck.length; index++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - index) - 0x30;
    sum += digit * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `digits` is all digits and its last digit is the GS1 check digit of the rest. */
export function hasGs1CheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) {
    return false;
  }
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}
