import { type Bound, isInfinite } from '../math/bound';
import { type Rational, toSignificantDigits } from '../math/rational';

/** A fraction as a decimal a person can read: 10 significant digits, no trailing zeros. */
export function decimalText(value: Rational | Bound | null): string {
  if (value === null) return '';
  if (isInfinite(value)) return 'infinite';
  const text = toSignificantDigits(value, 10);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A p-value as Arlo reports it (a double, at most 1), shown to 6 significant digits. */
export function pValueText(pValue: number): string {
  return pValue === 0 || pValue === 1 ? String(pValue) : pValue.toPrecision(6);
}
