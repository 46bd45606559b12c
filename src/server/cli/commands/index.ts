import type { Command } from '../command.js';
import { evtxWorkersBesideBusyThread } from '../../ingest/evtx-default-workers.js';
import { prestartForArgs } from '../evtx-warmup.js';

/** A `logonlens` command as `--help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for `logonlens --help`. */
  summary: string;
  load(): Promise<Command>;
  /**
   * Work started before the module loads, from the raw arguments (it must accept any): `events` and
   * `analyze` start their EVTX workers, which then boot while the command's modules load.
   */
  prepare?(args: readonly string[]): void;
}

/**
 * Every `logonlens` command. Add a command by writing `commands/<name>.ts` exporting a Command and
 * listing it here; `logonlens --help` lists them in this order. Each module is imported only when
 * its command runs: `serve` alone pulls in the HTTP server, the store and SQLite, which cost
 * `events` a fifth of a CPU-second at every start (docs/evtx-reader.md).
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'events',
    summary: 'read event logs (EVTX, XML, JSON) and write their events as NDJSON or CSV',
    load: async () => (await import('./events.js')).eventsCommand,
    prepare: (args) => prestartForArgs(args, (cores) => cores),
  },
  {
    name: 'analyze',
    summary: 'build the ranked logon graph of event logs and write a dataset for the app',
    load: async () => (await import('./analyze.js')).analyzeCommand,
    prepare: (args) => prestartForArgs(args, evtxWorkersBesideBusyThread),
  },
  {
    name: 'report',
    summary: 'write the offline HTML report (graph, rankings, detections, sources) of a dataset',
    load: async () => (await import('./report.js')).reportCommand,
  },
  {
    name: 'serve',
    summary: 'serve the app and REST API with the embedded store (npm start runs serve --demo)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'es-export',
    summary: 'write a window’s rankings and detections into Elasticsearch/OpenSearch',
    load: async () => (await import('./es-export.js')).esExportCommand,
  },
  {
    name: 'es-watch',
    summary: 'analyse and export each closed day or hour of a cluster’s logs, resuming after restarts',
    load: async () => (await import('./es-watch.js')).esWatchCommand,
  },
];
