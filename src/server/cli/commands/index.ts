import type { Command } from '../command.js';

/**
 * Every `logonlens` command, loaded when it runs: a command's modules (the server's HTTP stack and
 * SQLite, the Elasticsearch client, the YAML parser) cost about 0.2 CPU-s to load, which every other
 * command would otherwise pay at start. Add a command by writing `commands/<name>.ts` exporting a
 * Command and listing it here; `logonlens --help` lists them in this order.
 */
export const COMMANDS: readonly { name: string; load: () => Promise<Command> }[] = [
  { name: 'events', load: async () => (await import('./events.js')).eventsCommand },
  { name: 'analyze', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'es-export', load: async () => (await import('./es-export.js')).esExportCommand },
  { name: 'es-watch', load: async () => (await import('./es-watch.js')).esWatchCommand },
];
