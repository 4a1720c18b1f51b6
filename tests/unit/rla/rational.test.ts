import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  fraction,
  fromDecimal,
  toFractionText,
  toNumber,
  toSignificantDigits,
} from '../../../electron/core/rla/math/rational';

describe('exact fractions', () => {
  it('keep lowest terms and a positive denominator', () => {
    expect(fraction(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(add(fromDecimal('0.1'), fromDecimal('0.2'))).toEqual(fromDecimal('0.3'));
    expect(fromDecimal(39.5)).toEqual(fraction(79n, 2n));
    expect(fromDecimal('1e-3')).toEqual(fraction(1n, 1000n));
    expect(toFractionText(fraction(450n, 98n))).toBe('225/49');
  });

  it('convert to the nearest double', () => {
    expect(toNumber(fraction(1n, 3n))).toBe(1 / 3);
    expect(toNumber(fraction(2n, 3n))).toBe(2 / 3);
    expect(toNumber(fromDecimal('0.474552'))).toBe(0.474552);
    expect(toNumber(fraction(-7n, 10n ** 30n))).toBe(-7e-30);
  });

  it('print 28 significant digits rounded half to even, as Python Decimal does', () => {
    expect(toSignificantDigits(fraction(225n, 49n), 28)).toBe('4.591836734693877551020408163');
    expect(toSignificantDigits(fraction(2n, 3n), 5)).toBe('0.66667');
    expect(toSignificantDigits(fraction(7n, 26n), 6)).toBe('0.269231');
    expect(toSignificantDigits(fraction(1n, 10n), 3)).toBe('0.100');
    expect(toSignificantDigits(fraction(10n, 1n), 3)).toBe('10.0');
    expect(toSignificantDigits(fraction(1n, 7000n), 3)).toBe('0.000143');
    expect(toSignificantDigits(fromDecimal('0.125'), 2)).toBe('0.12');
    expect(toSignificantDigits(fromDecimal('99.96'), 3)).toBe('100');
  });

  it('compare exactly', () => {
    expect(compare(fraction(1n, 3n), fromDecimal('0.3333333333333333333333'))).toBe(1);
  });
});
