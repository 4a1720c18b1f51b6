/**
 * Exact fractions over BigInt. Arlo computes MACRO with Python's Decimal (28 significant digits);
 * exact fractions give the same figures without its rounding, so sample sizes and verdicts at the
 * boundaries follow the mathematics rather than a precision setting.
 */
export interface Rational {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always positive, and the fraction is always in lowest terms. */
  readonly den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new Error('fraction: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

export function integer(value: number | bigint): Rational {
  if (typeof value === 'number' && !Number.isInteger(value)) throw new Error(`integer: ${value} is not whole`);
  return { num: BigInt(value), den: 1n };
}

/** A number as its shortest decimal spelling says (0.1 is 1/10, not the binary double near it). */
export function fromDecimal(value: number | string): Rational {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`fromDecimal: "${text}"`);
  const [, sign, whole = '', fractionDigits = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fractionDigits.length;
  const digits = BigInt(`${whole}${fractionDigits}` || '0') * (sign === '-' ? -1n : 1n);
  return exponent >= 0 ? fraction(digits * 10n ** BigInt(exponent), 1n) : fraction(digits, 10n ** BigInt(-exponent));
}

export const add = (a: Rational, b: Rational): Rational => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
export const subtract = (a: Rational, b: Rational): Rational => fraction(a.num * b.den - b.num * a.den, a.den * b.den);
export const multiply = (a: Rational, b: Rational): Rational => fraction(a.num * b.num, a.den * b.den);
export function divide(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new Error('divide: by zero');
  return fraction(a.num * b.den, a.den * b.num);
}

export function power(base: Rational, exponent: number): Rational {
  if (!Number.isInteger(exponent) || exponent < 0) throw new Error(`power: exponent ${exponent}`);
  return { num: base.num ** BigInt(exponent), den: base.den ** BigInt(exponent) };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const isZero = (a: Rational): boolean => a.num === 0n;
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** The nearest double (correctly rounded, as Python's float(Decimal) is for 28-digit values). */
export function toNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const negative = a.num < 0n;
  const magnitude = negative ? -a.num : a.num;
  const SIGNIFICANT = 40;
  const exponent = magnitude.toString().length - a.den.toString().length - SIGNIFICANT;
  const scaledNum = exponent < 0 ? magnitude * 10n ** BigInt(-exponent) : magnitude;
  const scaledDen = exponent > 0 ? a.den * 10n ** BigInt(exponent) : a.den;
  const digits = scaledNum / scaledDen;
  // A trailing 1 stands for any non-zero remainder so the parse rounds the right way at a tie.
  const sticky = scaledNum % scaledDen === 0n ? '0' : '1';
  return Number(`${negative ? '-' : ''}${digits}${sticky}e${exponent - 1}`);
}

/** Decimal digits, rounded half to even at `significant` digits, as Python's Decimal prints. */
export function toSignificantDigits(a: Rational, significant: number): string {
  if (a.num === 0n) return '0';
  const negative = a.num < 0n;
  const magnitude = negative ? -a.num : a.num;
  let exponent = magnitude.toString().length - a.den.toString().length;
  // The digit counts put the value within a factor of 10 either way; settle which decade it is in.
  const value = fraction(magnitude, a.den);
  if (compare(value, fromDecimal(`1e${exponent}`)) >= 0) exponent += 1;
  else if (compare(value, fromDecimal(`1e${exponent - 1}`)) < 0) exponent -= 1;
  // magnitude / den lies in [10^(exponent-1), 10^exponent): shift so `significant` digits are whole.
  const shift = significant - exponent;
  const scaledNum = shift >= 0 ? magnitude * 10n ** BigInt(shift) : magnitude;
  const scaledDen = shift < 0 ? a.den * 10n ** BigInt(-shift) : a.den;
  let digits = scaledNum / scaledDen;
  const twiceRemainder = 2n * (scaledNum % scaledDen);
  if (twiceRemainder > scaledDen || (twiceRemainder === scaledDen && digits % 2n === 1n)) digits += 1n;
  let text = digits.toString();
  let pointAt = exponent;
  if (text.length > significant) {
    text = text.slice(0, significant);
    pointAt += 1;
  }
  const body =
    pointAt <= 0
      ? `0.${'0'.repeat(-pointAt)}${text}`
      : pointAt >= text.length
        ? `${text}${'0'.repeat(pointAt - text.length)}`
        : `${text.slice(0, pointAt)}.${text.slice(pointAt)}`;
  return `${negative ? '-' : ''}${body}`;
}

/** "num/den" (or just "num" for a whole number): exact, for anyone re-deriving a figure. */
export function toFractionText(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}
