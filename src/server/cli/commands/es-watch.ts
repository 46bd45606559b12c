import { EsError } from '../../es/client.js';
import { runWatch } from '../../es/watch.js';
import { UsageError, type CliIo, type Command } from '../command.js';
import { parseArgs, timeOption } from '../args.js';
import { CLUSTER_OPTIONS_HELP, connectFromArgs } from './es-options.js';

const USAGE = `Usage: logonlens es-watch [options] --start T

Analyses each day (or hour) of a cluster's Security logs once it has closed and exports the results
like \`logonlens es-export\`. The position is kept in the cluster (index logonlens-watch-state), so a
restarted watch resumes where it stopped and never writes a finished window again.

Options:
${CLUSTER_OPTIONS_HELP}
  --interval day|hour        window length (default day, in UTC)
  --start T                  first window when there is no saved position
  --until T                  stop at this time (default: run forever)
  --grace-minutes N          wait this long after a window ends for late events (default 10)
  --once                     process the windows closed now, then exit (for cron)

Stop it with Ctrl-C (SIGINT/SIGTERM): the current window finishes or is redone on restart.`;

export const esWatchCommand: Command = {
  name: 'es-watch',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseArgs(args, {
      values: ['--cluster', '--url', '--index', '--interval', '--start', '--until', '--grace-minutes'],
      flags: ['--once'],
    });
    if (p.positional.length > 0) throw new UsageError(`unexpected argument ${p.positional[0]?.slice(0, 60)}`);
    const interval = p.values.get('--interval') ?? 'day';
    if (interval !== 'day' && interval !== 'hour') throw new UsageError('--interval must be day or hour');
    const start = timeOption(p, '--start');
    if (!start) throw new UsageError('give --start');
    const until = timeOption(p, '--until');
    const graceText = p.values.get('--grace-minutes');
    const grace = graceText === undefined ? 10 : Number(graceText);
    if (!Number.isFinite(grace) || grace < 0) throw new UsageError('--grace-minutes must be a number');
    const { client, cluster, indexPattern } = connectFromArgs(p);
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await runWatch({
        client,
        cluster,
        indexPattern,
        interval,
        start,
        until,
        graceMs: grace * 60_000,
        once: p.flags.has('--once'),
        signal: abort.signal,
        log: (line) => io.stdout.write(`${line}\n`),
      });
      return 0;
    } catch (e) {
      if (e instanceof EsError) {
        io.stderr.write(`es-watch: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      client.close();
    }
  },
};
