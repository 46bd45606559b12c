import { z } from 'zod';
import { annotationSchema, MAX_ANNOTATIONS } from './annotations.js';
import { isoTime } from './iso-time.js';

export { isoTime };

/**
 * The analyzed-dataset format, version 1 (docs/dataset-format.md): what the app loads from a file or
 * from the server. It carries the aggregated edges with hourly buckets, so that the app can re-filter
 * and re-rank any window inside the dataset without going back to the server.
 *
 * Every string and array has a bound: a dataset file is untrusted input like the logs it came from.
 */
export const DATASET_FORMAT_V1 = 'logonlens.dataset/1';

const MAX_STRING = 1_048_576;
const MAX_SHORT = 4096;
const MAX_ITEMS = 5_000_000;

const str = z.string().max(MAX_STRING);
const short = z.string().max(MAX_SHORT);
const count = z.number().int().nonnegative();
const nodeId = short.min(1);

export const timeRangeSchema = z.object({ from: isoTime, to: isoTime });

export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    name: short,
    size: count,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    format: z.enum(['evtx', 'xml', 'json']).nullable(),
  }),
  z.object({
    kind: z.literal('elasticsearch'),
    cluster: short,
    indexPattern: short,
    from: isoTime,
    to: isoTime,
    distribution: short.nullable().optional(),
    version: short.nullable().optional(),
  }),
]);

/**
 * Words for people as data (architecture rule 9): a message id of the `analysis` catalogue with its
 * parameters, stored beside the English text that the CLI, the report and older readers show. A
 * parameter is a number, a string (log text: shown, never interpreted), a list of them, or a nested
 * message (a phrase such as "failed logons (4625)"). Nesting is bounded (MESSAGE_DEPTH) by the
 * schema: a dataset is untrusted, and a recursive schema would let it nest without end.
 */
export interface Message {
  key: string;
  params?: Record<string, MessageParam> | undefined;
}
export type MessageParam = string | number | readonly (string | number)[] | Message | readonly Message[];

/** Message ids are catalogue paths (`reason.failures`); parameter names are identifiers. */
const messageKey = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][\w-]*(\.[\w-]+)*$/, 'expected a message id like reason.failures');
const paramName = z
  .string()
  .max(64)
  .regex(/^[A-Za-z]\w*$/, 'expected a parameter name');
const scalarParam = z.union([str, z.number().finite()]);
const plainParam = z.union([scalarParam, z.array(scalarParam).max(1000)]);
/** How deep messages nest in parameters (a detection's detail lists flags that name their actor). */
const MESSAGE_DEPTH = 4;

function messageLevels(): z.ZodType<Message> {
  let level: z.ZodType<Message> = z.object({
    key: messageKey,
    params: z.record(paramName, plainParam).optional(),
  });
  for (let depth = 1; depth < MESSAGE_DEPTH; depth++) {
    const inner = level;
    level = z.object({
      key: messageKey,
      params: z.record(paramName, z.union([plainParam, inner, z.array(inner).max(1000)])).optional(),
    });
  }
  return level;
}

export const messageSchema = messageLevels();

export const FLAG_KINDS = [
  'privileged',
  'created',
  'deleted',
  'group-added',
  'group-removed',
  'dcsync',
  'dcshadow',
  'log-cleared',
  'policy-changed',
  'explicit-credentials',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Something the account or host did or had done to it, at a time (aggregated per hour where frequent). */
export const flagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  time: isoTime,
  count: count.min(1),
  /** Human-readable detail: group name and actor, policy category, ... */
  detail: str,
  /** `detail` as a message id with parameters (absent in datasets written before it). */
  detailMessage: messageSchema.optional(),
  eventId: count,
  /** The computer that logged it, when known. */
  computer: short.nullable(),
  /** Record IDs behind the flag (bounded sample). */
  recordIds: z.array(count).max(1000),
});

/**
 * Why a node is kept out of the default graph (still in the dataset, shown behind a filter):
 * machine accounts (`name$`), ANONYMOUS LOGON, well-known service accounts, loopback/empty sources.
 */
export const HIDDEN_REASONS = ['machine-account', 'anonymous', 'well-known-account', 'local-source'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

export const nodeSchema = z.object({
  id: nodeId,
  kind: z.enum(['account', 'host', 'ip', 'domain']),
  label: str,
  /** account: user name (normalized); host: host name; ip: address; domain: name. */
  name: str,
  domain: str.nullable(),
  sid: short.nullable(),
  /** host: IPs seen for it; ip: empty. */
  ips: z.array(short).max(10_000),
  /** ip: host names seen for it over time (several = DHCP reuse, not merged); host: other names. */
  names: z.array(str).max(10_000),
  hidden: z.enum(HIDDEN_REASONS).nullable(),
  flags: z.array(flagSchema).max(MAX_ITEMS),
  /** Notes the analysis wants the analyst to read (e.g. "IP seen with 2 host names"). */
  notes: z.array(str).max(1000),
  /** `notes` as message ids with parameters, one per note (absent in datasets written before them). */
  noteMessages: z.array(messageSchema).max(1000).optional(),
});

/** [Unix hour = floor(epoch ms / 3,600,000), count], sorted by hour. */
export const hourBucketSchema = z.tuple([z.number().int(), count.min(1)]);

export const edgeSchema = z.object({
  id: nodeId,
  /** The account that logged on (node id). */
  account: nodeId,
  /** Where from: a host or IP node, null when the event names none. */
  source: nodeId.nullable(),
  /** The computer that logged the event (host node), null when unknown. */
  target: nodeId.nullable(),
  eventId: count,
  logonType: short.nullable(),
  status: short.nullable(),
  subStatus: short.nullable(),
  authPackage: short.nullable(),
  /** True for a failed logon (4625, 4771, 4776/4768/4769 with a non-zero status). */
  failure: z.boolean(),
  count: count.min(1),
  first: isoTime,
  last: isoTime,
  hourly: z.array(hourBucketSchema).max(1_000_000),
  /**
   * 4648 edges only (explicit credentials): the account that used the credentials of `account`,
   * from `source` (the computer where it happened) towards `target` (TargetServerName). Absent on
   * logon edges and in datasets written before it existed.
   */
  subject: nodeId.optional(),
});

export const reasonSchema = z.object({
  /** The score this reason contributes to (`pagerank`, `anomaly`, `failures`, ...). */
  score: short,
  text: str,
  /** `text` as a message id with parameters (absent in datasets written before it). */
  message: messageSchema.optional(),
});

export const RANK_SCORES = ['pagerank', 'anomaly', 'failures', 'degree'] as const;
export type RankScore = (typeof RANK_SCORES)[number];

export const rankingSchema = z.object({
  node: nodeId,
  /** Named scores; at least the RANK_SCORES; others (failureRatio, distinctSources, ...) may be present. */
  scores: z.record(short, z.number().finite()),
  reasons: z.array(reasonSchema).max(1000),
});

export const detectionSchema = z.object({
  id: nodeId,
  kind: short,
  title: str,
  severity: z.enum(['info', 'low', 'medium', 'high']),
  nodes: z.array(nodeId).max(100_000),
  first: isoTime,
  last: isoTime,
  count: count,
  detail: str,
  /** `title` as a message id with parameters; absent for Sigma hits (the rule's own title) and older datasets. */
  titleMessage: messageSchema.optional(),
  /** `detail` as messages, shown one after the other (absent in datasets written before them). */
  detailMessages: z.array(messageSchema).max(100).optional(),
  evidence: z.object({
    eventIds: z.array(count).max(100),
    recordIds: z.array(count).max(1000),
    computers: z.array(short).max(1000),
  }),
  /** Sigma hits only: the rule (id, level, file, tags). */
  sigma: z.object({ id: short, level: short, file: short, tags: z.array(short).max(100) }).optional(),
});

export const readStatsSchema = z.object({
  recordsRead: count,
  eventsUsed: count,
  eventsSkipped: z.record(short, count),
  warnings: count,
});

/**
 * What the sources could show (optional; datasets written before it have none): the event IDs
 * read, by count; the detections that could not fire and the events they lack; the Sigma rules run
 * and the rule files that could not run, with the reason.
 */
export const coverageSchema = z.object({
  eventIds: z.record(short, count),
  blind: z
    .array(
      z.object({
        detection: short,
        missing: z.array(count).max(100),
        note: str,
        /** `note` as a message id with parameters (absent in datasets written before it). */
        noteMessage: messageSchema.optional(),
      }),
    )
    .max(1000),
  sigma: z
    .object({
      rules: count,
      problems: z
        .array(
          z.object({
            file: short,
            rule: short.nullable(),
            kind: z.enum(['invalid', 'unsupported']),
            reason: short,
          }),
        )
        .max(10_000),
    })
    .nullable(),
});

export const datasetSchema = z.object({
  format: z.literal(DATASET_FORMAT_V1),
  generator: z.object({ name: short, version: short }),
  createdAt: isoTime,
  title: str.nullable(),
  sources: z.array(sourceSchema).max(100_000),
  /** Covered time range of the events (UTC), null when empty. */
  timeRange: timeRangeSchema.nullable(),
  /** When the dataset was cut to a window (server /graph, export), the window; else null. */
  window: timeRangeSchema.nullable(),
  readStats: readStatsSchema,
  nodes: z.array(nodeSchema).max(MAX_ITEMS),
  edges: z.array(edgeSchema).max(MAX_ITEMS),
  /** Rankings for `window` (or the whole range when window is null). */
  rankings: z.array(rankingSchema).max(MAX_ITEMS),
  detections: z.array(detectionSchema).max(MAX_ITEMS),
  /** Set when a cap left elements out (server windows); the app shows it. */
  caps: z
    .object({ edgesShown: count, edgesTotal: count, nodesShown: count, nodesTotal: count })
    .nullable()
    .optional(),
  coverage: coverageSchema.optional(),
  /**
   * The analyst's notes and tags (optional; annotations.ts). Validation reads them tolerantly
   * before this schema: an unreadable entry is counted and left out, never fatal.
   */
  annotations: z.array(annotationSchema).max(MAX_ANNOTATIONS).optional(),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetNode = z.infer<typeof nodeSchema>;
export type DatasetEdge = z.infer<typeof edgeSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type DatasetSource = z.infer<typeof sourceSchema>;
export type TimeRange = z.infer<typeof timeRangeSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type ReadStatsSummary = z.infer<typeof readStatsSchema>;
