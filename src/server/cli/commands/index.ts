import type { Command } from '../command.js';
import { serveCommand } from './serve.js';
import { eventsCommand } from './events.js';
import { analyzeCommand } from './analyze.js';
import { esExportCommand } from './es-export.js';
import { esWatchCommand } from './es-watch.js';
import { reportCommand } from './report.js';

/**
 * Every `logonlens` command. Add a command by writing `commands/<name>.ts` exporting a Command and
 * listing it here; `logonlens --help` lists them in this order.
 */
export const COMMANDS: Command[] = [
  eventsCommand,
  analyzeCommand,
  reportCommand,
  serveCommand,
  esExportCommand,
  esWatchCommand,
];
