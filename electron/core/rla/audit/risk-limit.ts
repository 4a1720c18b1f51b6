import { type AppError, appError, ok, type Result } from '../../result';
import { compare, divide, fromDecimal, integer, type Rational, ZERO } from '../math/rational';

/** alpha = PCT / 100, exactly: "10" is 1/10. The limit must be above 0% and below 100%. */
export function riskLimitAlpha(percentText: string): Result<Rational, AppError> {
  const text = percentText.trim().replace(/%$/, '');
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(text)) {
    return appError('AUDIT_BAD_RISK_LIMIT', `"${percentText}" is not a risk limit; give a percentage such as 10.`);
  }
  const alpha = divide(fromDecimal(text), integer(100));
  if (compare(alpha, ZERO) <= 0 || compare(alpha, integer(1)) >= 0) {
    return appError('AUDIT_BAD_RISK_LIMIT', `The risk limit must be more than 0% and less than 100%, not ${text}%.`);
  }
  return ok(alpha);
}

/** Seeds are digits rolled with dice in public: 20 rolls of a ten-sided die is a good seed. */
export function checkSeed(seed: string): Result<string, AppError> {
  return /^[0-9]+$/.test(seed)
    ? ok(seed)
    : appError('AUDIT_BAD_SEED', `The seed must be the digits rolled in public (0-9 only), not "${seed}".`);
}
