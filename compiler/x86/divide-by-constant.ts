// Division by a constant as a multiplication by its reciprocal (Granlund & Montgomery,
// "Division by invariant integers using multiplication", 1994; the signed case as in
// Warren, "Hacker's Delight", 10-1): a `div` takes 20-40 cycles, a `mul` and a few
// shifts 5-6. The plans are pure numbers; isel.ts emits them, and the tests check every
// plan against BigInt division for many divisors and boundary dividends.

/** Unsigned x / d for 2 <= d < 2^32, d not a power of two: */
export interface UnsignedPlan {
  /** x >>> pre first (d even and the multiplier would need 33 bits otherwise). */
  pre: number;
  /** The low 32 bits of the multiplier (as an unsigned number). */
  multiplier: number;
  /**
   * The multiplier has a 33rd bit: q = (t + ((x - t) >>> 1)) >>> (post - 1) with
   * t = high half of x * multiplier; otherwise q = high half >>> post.
   */
  add: boolean;
  post: number;
}

/** Signed x / |d| for 3 <= |d| < 2^31 not a power of two: q = ((hi(x * m) [+ x]) >> shift) + (x >>> 31). */
export interface SignedPlan {
  /** The multiplier as a signed 32-bit number. */
  multiplier: number;
  /** x is added to the high half (the multiplier, as a signed number, is negative). */
  addDividend: boolean;
  shift: number;
}

const TWO32 = 1n << 32n;

/** ceil(log2(d)) for d >= 2. */
const ceilLog2 = (d: bigint): number => (d - 1n).toString(2).length;

/** The smallest multiplier and shift for `precision` significant dividend bits (GM 1994, fig. 6.2). */
function chooseMultiplier(d: bigint, precision: number): { high: bigint; post: number } {
  const l = ceilLog2(d);
  let post = l;
  let low = (1n << BigInt(32 + l)) / d;
  let high = ((1n << BigInt(32 + l)) + (1n << BigInt(32 + l - precision))) / d;
  while (low >> 1n < high >> 1n && post > 0) {
    low >>= 1n;
    high >>= 1n;
    post--;
  }
  return { high, post };
}

export function unsignedPlan(divisor: number): UnsignedPlan {
  const d = BigInt(divisor >>> 0);
  if (d < 2n || (d & (d - 1n)) === 0n) throw new Error(`unsignedPlan: ${divisor} is not a non-power-of-two divisor`);
  let { high, post } = chooseMultiplier(d, 32);
  if (high < TWO32) return { pre: 0, multiplier: Number(high), add: false, post };
  if ((d & 1n) === 0n) {
    let pre = 0;
    while (((d >> BigInt(pre)) & 1n) === 0n) pre++;
    ({ high, post } = chooseMultiplier(d >> BigInt(pre), 32 - pre));
    if (high < TWO32) return { pre, multiplier: Number(high), add: false, post };
  }
  ({ high, post } = chooseMultiplier(d, 32));
  if (post < 1) throw new Error(`unsignedPlan: no shift for ${divisor}`);
  return { pre: 0, multiplier: Number(high - TWO32), add: true, post };
}

export function signedPlan(divisor: number): SignedPlan {
  const ad = BigInt(Math.abs(divisor));
  if (ad < 3n || ad >= 1n << 31n || (ad & (ad - 1n)) === 0n) throw new Error(`signedPlan: ${divisor} is not a non-power-of-two divisor`);
  // Hacker's Delight, figure 10-1 (for the positive divisor |d|).
  const two31 = 1n << 31n;
  const anc = two31 - 1n - (two31 % ad);
  let p = 31n;
  let q1 = two31 / anc;
  let r1 = two31 - q1 * anc;
  let q2 = two31 / ad;
  let r2 = two31 - q2 * ad;
  let delta: bigint;
  do {
    p++;
    q1 *= 2n;
    r1 *= 2n;
    if (r1 >= anc) {
      q1++;
      r1 -= anc;
    }
    q2 *= 2n;
    r2 *= 2n;
    if (r2 >= ad) {
      q2++;
      r2 -= ad;
    }
    delta = ad - r2;
  } while (q1 < delta || (q1 === delta && r1 === 0n));
  const m = Number(BigInt.asIntN(32, q2 + 1n));
  return { multiplier: m, addDividend: m < 0, shift: Number(p - 32n) };
}

/** The plans evaluated with BigInts exactly as isel emits them (for the tests). */
export function evaluateUnsigned(x: number, plan: UnsignedPlan): number {
  let v = BigInt(x >>> 0) >> BigInt(plan.pre);
  const t = (v * BigInt(plan.multiplier)) >> 32n;
  if (plan.add) {
    v = BigInt(x >>> 0);
    return Number((t + ((v - t) >> 1n)) >> BigInt(plan.post - 1));
  }
  return Number(t >> BigInt(plan.post));
}

export function evaluateSigned(x: number, divisor: number, plan: SignedPlan): number {
  const xi = BigInt(x | 0);
  let hi = BigInt.asIntN(32, (xi * BigInt(plan.multiplier)) >> 32n);
  if (plan.addDividend) hi = BigInt.asIntN(32, hi + xi);
  let q = BigInt.asIntN(32, (hi >> BigInt(plan.shift)) + (xi < 0n ? 1n : 0n));
  if (divisor < 0) q = BigInt.asIntN(32, -q);
  return Number(q);
}
