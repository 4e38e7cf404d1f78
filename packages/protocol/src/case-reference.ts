/**
 * Case references: 7 random symbols from Crockford's base-32 alphabet plus one check symbol,
 * shown as two groups of four, e.g. `4K7M-9P2X`. The alphabet has no I, L, O or U, so a reference
 * read over the phone cannot be confused; the check symbol (Luhn mod 32) catches every single
 * mistyped symbol and every swap of two neighbours except 0 with Z.
 */
export const caseReferenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base = caseReferenceAlphabet.length;
const payloadLength = 7;

function checkSymbolFor(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const codePoint = caseReferenceAlphabet.indexOf(payload.charAt(i));
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / base) + (addend % base);
    sum += addend;
  }
  return caseReferenceAlphabet.charAt((base - (sum % base)) % base);
}

/** Builds a reference from 7 random integers (0–31 each); the caller owns the randomness. */
export function caseReferenceFromRandom(randomValues: readonly number[]): string {
  if (randomValues.length !== payloadLength) throw new RangeError('need 7 random values');
  const payload = randomValues
    .map((value) => {
      if (!Number.isInteger(value) || value < 0 || value >= base) throw new RangeError('random value out of range');
      return caseReferenceAlphabet.charAt(value);
    })
    .join('');
  const full = payload + checkSymbolFor(payload);
  return `${full.slice(0, 4)}-${full.slice(4)}`;
}

/**
 * Normalises what a person typed: case, spaces and dashes do not matter, and the letters
 * people confuse with digits (O, I, L) are read as the digits. Returns null when it is not a
 * well-formed reference or its check symbol does not match.
 */
export function normaliseCaseReference(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== payloadLength + 1) return null;
  for (const symbol of compact) if (!caseReferenceAlphabet.includes(symbol)) return null;
  const payload = compact.slice(0, payloadLength);
  if (checkSymbolFor(payload) !== compact.charAt(payloadLength)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export const caseReferencePattern = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
