import { z } from 'zod';
import { timeRangeSchema } from '../../../core/dataset';
import type { LogonEvent } from '../../../core/events';
import { LOGON_EVENT_FIELDS } from '../../../core/events';
import { badResponse, type AnswerKind } from './client';

/**
 * Shapes of the API's answers (docs/api.md), checked on arrival: dataset names and event fields come
 * from logs, and a half-upgraded server must give a clear message rather than a blank page.
 * Unknown extra fields are dropped; fields a newer server may add later are optional.
 */
const count = z.number().int().nonnegative();

export const datasetSummarySchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(10_000),
  createdAt: z.string().max(40),
  /** importing, ready, failed, empty, ... (the server decides; shown as text). */
  state: z.string().max(40),
  /** Why the last import failed, when it did. */
  error: z.string().nullable().optional(),
  timeRange: timeRangeSchema.nullable(),
  counts: z.object({ events: count, edges: count, nodes: count }),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobSchema = z.object({
  id: z.string().min(1).max(200),
  datasetId: z.string().max(200),
  state: z.enum(JOB_STATES),
  progress: z.object({ bytes: count, totalBytes: count, records: count }),
  /** Strings or `{ message, ... }` objects: shown through warningText. */
  warnings: z.array(z.unknown()).max(100_000).default([]),
  error: z.string().nullable().default(null),
  result: z.unknown().nullable().default(null),
});
export type Job = z.infer<typeof jobSchema>;

/** What a finished import reports (docs/api.md); read leniently, only for the summary line. */
const jobResultSchema = z.object({ eventsNew: count, eventsDuplicate: count });

/** `N new events, M already in the dataset` when the job's result says so. */
export function jobResultSummary(result: unknown): { eventsNew: number; eventsDuplicate: number } | null {
  const parsed = jobResultSchema.safeParse(result);
  return parsed.success ? parsed.data : null;
}

const nullableText = z
  .union([z.string(), z.number(), z.null()])
  .transform((v) => (v === null ? null : String(v)));

/** One event as the server sends it: every LogonEvent field, missing ones as null. */
const eventSchema = z
  .object({
    time: z.string().max(64),
    recordId: z.number().int().nullable().default(null),
    eventId: z.number().int(),
  })
  .catchall(z.unknown())
  .transform((raw): LogonEvent => {
    const out: Record<string, unknown> = { time: raw.time, recordId: raw.recordId, eventId: raw.eventId };
    for (const field of LOGON_EVENT_FIELDS) {
      if (field === 'time' || field === 'recordId' || field === 'eventId') continue;
      const parsed = nullableText.safeParse(raw[field] ?? null);
      out[field] = parsed.success ? parsed.data : null;
    }
    return out as unknown as LogonEvent;
  });

export const eventsPageSchema = z.object({
  events: z.array(eventSchema).max(100_000),
  nextCursor: z.string().max(10_000).nullable().default(null),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;

/** Parses with a schema; a mismatch becomes a readable "bad response" error naming the first problem. */
export function parseWith<T>(schema: z.ZodType<T>, what: AnswerKind): (value: unknown) => T {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '';
    throw badResponse(what, issue ? `${where ? `${where}: ` : ''}${issue.message}` : undefined);
  };
}

/** A job warning as one line of text, whatever shape the server gave it. */
export function warningText(warning: unknown): string {
  if (typeof warning === 'string') return warning;
  if (typeof warning === 'object' && warning !== null) {
    const w = warning as Record<string, unknown>;
    const message = typeof w.message === 'string' ? w.message : null;
    const file = typeof w.file === 'string' ? `${w.file}: ` : '';
    const times = typeof w.count === 'number' && w.count > 1 ? ` (×${w.count})` : '';
    if (message !== null) return `${file}${message}${times}`;
  }
  try {
    return JSON.stringify(warning).slice(0, 500);
  } catch {
    return String(warning);
  }
}
