import { GENERATOR } from '../../core/version.js';
import { UsageError, type CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { markEvtxTimeline, markEvtxTimelineExit } from '../ingest/evtx-timeline.js';

export function helpText(): string {
  const width = Math.max(8, ...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `LogonLens ${GENERATOR.version}: who logged on where, and when, across a Windows domain.`,
    '',
    'Usage: logonlens <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `logonlens <command> --help` for the options of a command.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. */
export async function run(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  markEvtxTimeline('cli start');
  markEvtxTimelineExit();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(helpText() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(GENERATOR.version + '\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.stderr.write(`logonlens: unknown command '${name}'\n\n${helpText()}\n`);
    return 2;
  }
  entry.prepare?.(rest);
  const command = await entry.load();
  markEvtxTimeline('command loaded');
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`logonlens ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`logonlens ${name}: ${message}\n`);
    return 1;
  }
}
