/** Hourly counts grouped into at most `maxBins` bars of whole hours, over [fromHour, toHour]. */
export interface Bin {
  fromHour: number;
  hours: number;
  count: number;
}

export function binHours(
  hist: Array<[number, number]>,
  fromHour: number,
  toHour: number,
  maxBins: number,
): Bin[] {
  const span = Math.max(1, toHour - fromHour + 1);
  const width = Math.max(1, Math.ceil(span / Math.max(1, maxBins)));
  const n = Math.ceil(span / width);
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    fromHour: fromHour + i * width,
    hours: width,
    count: 0,
  }));
  for (const [h, c] of hist) {
    const i = Math.floor((h - fromHour) / width);
    const bin = bins[i];
    if (bin !== undefined) bin.count += c;
  }
  return bins;
}
