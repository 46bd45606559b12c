/**
 * A small deterministic force layout (Fruchterman–Reingold with gravity) for the report's picture.
 * The same view always gives the same drawing: start positions come from a golden-angle spiral in
 * the given order, with no randomness, so two reports of one window can be compared side by side.
 * Cost is O(n² · iterations): the report caps the nodes it draws.
 */

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Margin kept free at each side, for the node's size and label. */
  margin: number;
  iterations?: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Positions of `ids` (in this order) joined by `links` (pairs of indices into `ids`). */
export function forceLayout(
  ids: readonly string[],
  links: ReadonlyArray<readonly [number, number]>,
  options: LayoutOptions,
): Map<string, Point> {
  const n = ids.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(i + 0.5);
    xs[i] = r * Math.cos(i * GOLDEN_ANGLE);
    ys[i] = r * Math.sin(i * GOLDEN_ANGLE);
  }
  const k = 1; // ideal distance, in the spiral's units
  const iterations = options.iterations ?? (n > 150 ? 120 : 300);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = Math.sqrt(n) / 2 + 1;
  const cooling = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i]! - xs[j]!;
        let ddy = ys[i]! - ys[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-9) {
          // Two nodes on one spot: part them along a fixed direction (no randomness).
          ddx = 0.01 * (((i * 7 + j) % 5) - 2 || 1);
          ddy = 0.01;
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2; // repulsion k²/d, applied along the unit vector
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const [a, b] of links) {
      if (a === b) continue;
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const f = d / k; // attraction d²/k along the unit vector
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps separate components on screen.
      dx[i]! -= xs[i]! * 0.05;
      dy[i]! -= ys[i]! * 0.05;
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (len > 0) {
        const step = Math.min(len, temperature);
        xs[i]! += (dx[i]! / len) * step;
        ys[i]! += (dy[i]! / len) * step;
      }
    }
    temperature = Math.max(0.01, temperature - cooling);
  }
  return fit(ids, xs, ys, options);
}

/** Scales the drawing into the box, keeping its aspect ratio. */
function fit(
  ids: readonly string[],
  xs: Float64Array,
  ys: Float64Array,
  o: LayoutOptions,
): Map<string, Point> {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  const w = o.width - 2 * o.margin;
  const h = o.height - 2 * o.margin;
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min(w / spanX, h / spanY);
  const offX = o.margin + (w - spanX * scale) / 2;
  const offY = o.margin + (h - spanY * scale) / 2;
  const out = new Map<string, Point>();
  ids.forEach((id, i) => {
    out.set(id, {
      x: Math.round((offX + (xs[i]! - minX) * scale) * 10) / 10,
      y: Math.round((offY + (ys[i]! - minY) * scale) * 10) / 10,
    });
  });
  return out;
}
