/**
 * ChangeFinder (Takeuchi & Yamanishi 2006): two-stage SDAR outlier/change-point scoring, written to
 * match the Python package `changefinder` 0.3 (`ChangeFinder(r, order=1, smooth)`) that LogonTracer
 * uses, step for step. Recorded vectors in test/fixtures/changefinder check it to within 1e-9.
 *
 * What the reference does, and we copy:
 * - first stage: SDAR on x; its score is the negative log-likelihood of x under N(x̂, σ);
 * - the last `smooth` first-stage scores are *summed* (np.convolve with ones, not averaged) and fed
 *   to a second SDAR; the last round(smooth/2) second-stage scores (Python's banker's rounding:
 *   smooth 5 → 2) are summed again and returned; 0 until both windows are full;
 * - with order 1 the autoregressive part is inactive (its c[1] is never updated), so x̂ is the
 *   discounted mean μ after the update;
 * - a zero second-stage input counts as "no input" (Python's truthiness of 0.0).
 *
 * Deliberate numeric differences (docs/analysis.md):
 * - the score is computed as 0.5·(x−x̂)²/σ + 0.5·ln(2πσ) instead of −ln(exp(…)/…): the same value
 *   where the reference works, and finite where its exp underflows (the reference then raises
 *   "math domain error" or returns inf);
 * - when c[0] = 0 (x exactly equal to μ on the very first step) the reference divides 0 by 0 and
 *   every later score is NaN; we take x̂ = μ.
 * - the reference starts μ and σ at random values; we take them from `init` (default 0.5, the mean
 *   of its uniform draw), so results are reproducible.
 */

export interface ChangeFinderOptions {
  /** Discounting rate. LogonTracer: 0.04. */
  r: number;
  /** AR order; only 1 is implemented (LogonTracer's value; higher orders are not used). */
  order: 1;
  /** First smoothing window (≥ 3). LogonTracer: 5. */
  smooth: number;
  /** Initial μ and σ of the two SDAR stages (the reference draws them with np.random.random()). */
  init?: { mu1: number; sigma1: number; mu2: number; sigma2: number };
}

export const LOGONTRACER_CHANGEFINDER: ChangeFinderOptions = { r: 0.04, order: 1, smooth: 5 };

/** Python 3 round() to an integer: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** One-dimensional SDAR of order 1. */
class Sdar1 {
  c0 = 0;
  constructor(
    readonly r: number,
    public mu: number,
    public sigma: number,
  ) {}

  clone(): Sdar1 {
    const s = new Sdar1(this.r, this.mu, this.sigma);
    s.c0 = this.c0;
    return s;
  }

  update(x: number): number {
    const r = this.r;
    this.mu = (1 - r) * this.mu + r * x;
    const dev = x - this.mu;
    this.c0 = (1 - r) * this.c0 + r * dev * dev;
    // Order 1: a[1] = −c[1]/c[0] with c[1] ≡ 0, so x̂ = μ (see the header for c[0] = 0).
    const xhat = this.mu;
    const err = x - xhat;
    this.sigma = (1 - r) * this.sigma + r * err * err;
    return (0.5 * err * err) / this.sigma + HALF_LN_2PI + 0.5 * Math.log(this.sigma);
  }
}

/**
 * A window of the last `size` values, oldest first, without allocation per value. `sum()` adds in
 * age order, oldest first, like np.convolve(ts, ones, 'valid')[0] over the Python list.
 */
class Window {
  private readonly buf: Float64Array;
  private head = 0; // index of the oldest value
  length = 0;
  constructor(readonly size: number) {
    this.buf = new Float64Array(size);
  }
  push(value: number): void {
    if (this.length < this.size) {
      this.buf[(this.head + this.length) % this.size] = value;
      this.length++;
    } else {
      this.buf[this.head] = value;
      this.head = (this.head + 1) % this.size;
    }
  }
  sum(): number {
    let s = 0;
    for (let i = 0; i < this.length; i++) s += this.buf[(this.head + i) % this.size]!;
    return s;
  }
  clone(): Window {
    const w = new Window(this.size);
    w.buf.set(this.buf);
    w.head = this.head;
    w.length = this.length;
    return w;
  }
}

export class ChangeFinder {
  private readonly smooth: number;
  private readonly smooth2: number;
  private first: Sdar1;
  private second: Sdar1;
  private hasTerm = false;
  private firstScores: Window;
  private hasSmoothed = false;
  private secondScores: Window;

  constructor(options: ChangeFinderOptions = LOGONTRACER_CHANGEFINDER) {
    if (options.order !== 1) throw new Error('ChangeFinder: only order 1 is implemented');
    if (!(options.smooth >= 3)) throw new Error('ChangeFinder: smooth must be 3 or more');
    const init = options.init ?? { mu1: 0.5, sigma1: 0.5, mu2: 0.5, sigma2: 0.5 };
    this.smooth = Math.floor(options.smooth);
    this.smooth2 = roundHalfEven(this.smooth / 2);
    this.first = new Sdar1(options.r, init.mu1, init.sigma1);
    this.second = new Sdar1(options.r, init.mu2, init.sigma2);
    this.firstScores = new Window(this.smooth);
    this.secondScores = new Window(this.smooth2);
  }

  /** An independent copy of the current state (the warm-up is shared by every account). */
  clone(): ChangeFinder {
    const c = Object.create(ChangeFinder.prototype) as ChangeFinder;
    Object.assign(c, this);
    c.first = this.first.clone();
    c.second = this.second.clone();
    c.firstScores = this.firstScores.clone();
    c.secondScores = this.secondScores.clone();
    return c;
  }

  /** Feeds one value; returns the change score for it (0 while the windows fill). */
  update(x: number): number {
    if (this.hasTerm) this.firstScores.push(this.first.update(x));
    this.hasTerm = true;
    if (this.firstScores.length === this.smooth) {
      const target = this.firstScores.sum();
      // Python: `if second_target and ...`: 0.0 is falsy, NaN is truthy.
      if (target !== 0) {
        if (this.hasSmoothed) this.secondScores.push(this.second.update(target));
        this.hasSmoothed = true;
      }
    }
    return this.secondScores.length === this.smooth2 ? this.secondScores.sum() : 0;
  }
}

/**
 * LogonTracer's per-account use: a fresh ChangeFinder is warmed up on the population mean series,
 * then fed the account's own hourly series; returns the scores for the account's hours.
 */
export function changeFinderScores(
  warmup: ArrayLike<number>,
  series: ArrayLike<number>,
  options: ChangeFinderOptions = LOGONTRACER_CHANGEFINDER,
): Float64Array {
  return scoresAfter(warmedUp(warmup, options), series);
}

/** A ChangeFinder fed the warm-up series. */
export function warmedUp(
  warmup: ArrayLike<number>,
  options: ChangeFinderOptions = LOGONTRACER_CHANGEFINDER,
): ChangeFinder {
  const cf = new ChangeFinder(options);
  for (let i = 0; i < warmup.length; i++) cf.update(warmup[i]!);
  return cf;
}

/** Scores of `series` fed to a copy of `warm` (which is left unchanged). */
export function scoresAfter(warm: ChangeFinder, series: ArrayLike<number>): Float64Array {
  const cf = warm.clone();
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) out[i] = cf.update(series[i]!);
  return out;
}
