/** The week of the story: Monday 9 to Sunday 15 March 2026, times in UTC (an office in London, before summer time). */
export const WEEK_START_MS = Date.UTC(2026, 2, 9);
export const WEEK_DAYS = 7;
export const WORKING_DAYS = 5;

const MINUTE = 60_000;

/** The time `h:m:s` on day `day` (0 = Monday) of the week. */
export function at(day: number, h: number, m = 0, s = 0): number {
  return WEEK_START_MS + day * 24 * 60 * MINUTE + ((h * 60 + m) * 60 + s) * 1000;
}

export const minutes = (n: number): number => n * MINUTE;
export const seconds = (n: number): number => n * 1000;
