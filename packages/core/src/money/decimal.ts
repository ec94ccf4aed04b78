import { numberToDecimalParts, parseDecimalParts } from './decimal-parse.js';
import { DEFAULT_ROUNDING, divideRounded, type RoundingMode } from './rounding.js';

/** Anything Decimal.from accepts. Numbers are read in their shortest round-trip form. */
export type DecimalLike = Decimal | string | number | bigint;

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 64) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

/**
 * An exact, immutable decimal: coef × 10^-scale on BigInt, so sums of money and
 * quantities never pick up binary floating-point error. Values are kept
 * normalised (no trailing fractional zeros), so equal values have equal parts.
 */
export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  readonly coef: bigint;
  readonly scale: number;

  private constructor(coef: bigint, scale: number) {
    while (scale > 0 && coef % 10n === 0n) {
      coef /= 10n;
      scale--;
    }
    this.coef = coef;
    this.scale = coef === 0n ? 0 : scale;
  }

  /** coef × 10^-scale; scale must be a non-negative integer. */
  static of(coef: bigint, scale = 0): Decimal {
    if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`bad scale: ${scale}`);
    return new Decimal(coef, scale);
  }

  /** Parses "12.50", "-3", "1e-7"; throws RangeError on anything else. */
  static parse(text: string): Decimal {
    const parts = parseDecimalParts(text);
    if (!parts) throw new RangeError(`not a decimal number: ${JSON.stringify(text.slice(0, 50))}`);
    return new Decimal(parts.coef, parts.scale);
  }

  /** Like parse, but undefined instead of throwing. */
  static tryParse(text: string): Decimal | undefined {
    const parts = parseDecimalParts(text);
    return parts && new Decimal(parts.coef, parts.scale);
  }

  /** From a finite JS number, read as its shortest round-trip decimal: 0.1 is exactly 1/10. */
  static fromNumber(value: number): Decimal {
    const parts = numberToDecimalParts(value);
    return new Decimal(parts.coef, parts.scale);
  }

  static from(value: DecimalLike): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'string') return Decimal.parse(value);
    if (typeof value === 'number') return Decimal.fromNumber(value);
    if (typeof value === 'bigint') return new Decimal(value, 0);
    throw new TypeError(`cannot make a Decimal from ${typeof value}`);
  }

  static min(first: DecimalLike, ...rest: DecimalLike[]): Decimal {
    let best = Decimal.from(first);
    for (const x of rest) {
      const d = Decimal.from(x);
      if (d.compare(best) < 0) best = d;
    }
    return best;
  }

  static max(first: DecimalLike, ...rest: DecimalLike[]): Decimal {
    let best = Decimal.from(first);
    for (const x of rest) {
      const d = Decimal.from(x);
      if (d.compare(best) > 0) best = d;
    }
    return best;
  }

  /** Exact sum of any number of values; "0" for none. */
  static sum(values: Iterable<DecimalLike>): Decimal {
    let total = Decimal.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  add(other: DecimalLike): Decimal {
    const b = Decimal.from(other);
    if (this.scale === b.scale) return new Decimal(this.coef + b.coef, this.scale);
    if (this.scale > b.scale) return new Decimal(this.coef + b.coef * pow10(this.scale - b.scale), this.scale);
    return new Decimal(this.coef * pow10(b.scale - this.scale) + b.coef, b.scale);
  }

  sub(other: DecimalLike): Decimal {
    return this.add(Decimal.from(other).neg());
  }

  mul(other: DecimalLike): Decimal {
    const b = Decimal.from(other);
    return new Decimal(this.coef * b.coef, this.scale + b.scale);
  }

  /**
   * this / other with exactly `scale` fractional digits (fewer once trailing
   * zeros are trimmed), rounded with `mode`. Throws RangeError on division by zero.
   */
  div(other: DecimalLike, scale: number, mode: RoundingMode = DEFAULT_ROUNDING): Decimal {
    if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`bad scale: ${scale}`);
    const b = Decimal.from(other);
    if (b.coef === 0n) throw new RangeError('division by zero');
    // this/b = (a.coef / b.coef) × 10^(b.scale - a.scale); we want it × 10^scale as an integer.
    const shift = scale + b.scale - this.scale;
    const q = shift >= 0
      ? divideRounded(this.coef * pow10(shift), b.coef, mode)
      : divideRounded(this.coef, b.coef * pow10(-shift), mode);
    return new Decimal(q, scale);
  }

  /** Rounded to at most `digits` fractional digits with `mode` (default half_up). */
  round(digits = 0, mode: RoundingMode = DEFAULT_ROUNDING): Decimal {
    if (!Number.isSafeInteger(digits) || digits < 0) throw new RangeError(`bad digit count: ${digits}`);
    if (this.scale <= digits) return this;
    return new Decimal(divideRounded(this.coef, pow10(this.scale - digits), mode), digits);
  }

  /** this × 10^places, exactly (e.g. major to minor currency units). */
  movePoint(places: number): Decimal {
    if (!Number.isSafeInteger(places)) throw new RangeError(`bad places: ${places}`);
    if (places >= 0) {
      return places <= this.scale
        ? new Decimal(this.coef, this.scale - places)
        : new Decimal(this.coef * pow10(places - this.scale), 0);
    }
    return new Decimal(this.coef, this.scale - places);
  }

  neg(): Decimal {
    return new Decimal(-this.coef, this.scale);
  }

  abs(): Decimal {
    return this.coef < 0n ? this.neg() : this;
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.coef < 0n ? -1 : this.coef > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.coef === 0n;
  }

  isInteger(): boolean {
    return this.scale === 0;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  compare(other: DecimalLike): -1 | 0 | 1 {
    const b = Decimal.from(other);
    let x = this.coef;
    let y = b.coef;
    if (this.scale > b.scale) y *= pow10(this.scale - b.scale);
    else if (this.scale < b.scale) x *= pow10(b.scale - this.scale);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  eq(other: DecimalLike): boolean {
    return this.compare(other) === 0;
  }

  lt(other: DecimalLike): boolean {
    return this.compare(other) < 0;
  }

  gt(other: DecimalLike): boolean {
    return this.compare(other) > 0;
  }

  /** The integer value; throws RangeError when there is a fractional part. */
  toBigInt(): bigint {
    if (this.scale !== 0) throw new RangeError(`${this.toString()} is not an integer`);
    return this.coef;
  }

  /** Nearest JS number: lossy, for display and interop only. */
  toNumber(): number {
    return Number(this.toString());
  }

  /** Canonical text: no exponent, no trailing fractional zeros, "0" for zero, "-" for negatives. */
  toString(): string {
    const negative = this.coef < 0n;
    const digits = (negative ? -this.coef : this.coef).toString();
    if (this.scale === 0) return negative ? `-${digits}` : digits;
    const padded = digits.padStart(this.scale + 1, '0');
    const cut = padded.length - this.scale;
    const text = `${padded.slice(0, cut)}.${padded.slice(cut)}`;
    return negative ? `-${text}` : text;
  }

  /** With exactly `digits` fractional digits (rounded with `mode`), e.g. "12.50" for display. */
  toFixed(digits: number, mode: RoundingMode = DEFAULT_ROUNDING): string {
    const r = this.round(digits, mode);
    if (digits === 0) return r.toString();
    const text = r.toString();
    const dot = text.indexOf('.');
    const have = dot === -1 ? 0 : text.length - dot - 1;
    return (dot === -1 ? `${text}.` : text) + '0'.repeat(digits - have);
  }

  toJSON(): string {
    return this.toString();
  }
}
