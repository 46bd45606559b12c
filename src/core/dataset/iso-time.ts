import { z } from 'zod';

/** UTC ISO 8601 with Z; up to 9 fractional digits (sources differ). */
export const isoTime = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/,
    'expected a UTC time like 2021-12-03T12:06:03Z',
  );
