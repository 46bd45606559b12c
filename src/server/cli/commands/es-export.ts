import { readFile } from 'node:fs/promises';
import { parseDatasetText, type Dataset, type TimeRange } from '../../../core/dataset/index.js';
import { EsError } from '../../es/client.js';
import { loadEsDataset } from '../../es/es-dataset.js';
import { exportWindow } from '../../es/export.js';
import { sourceKey } from '../../es/watch.js';
import { UsageError, type CliIo, type Command } from '../command.js';
import { parseArgs, timeOption } from '../args.js';
import { CLUSTER_OPTIONS_HELP, connectFromArgs } from './es-options.js';

const USAGE = `Usage: logonlens es-export [options] --from T --to T
       logonlens es-export [options] --dataset FILE [--from T --to T]

Writes a window's account and host rankings (with their reasons) and its detections (with their
evidence) into logonlens-accounts-*, logonlens-hosts-* and logonlens-detections-* (created with
index templates), for Kibana dashboards and alerting. @timestamp is the window's start. Writing the
same window again replaces its documents: re-runs are safe.

The window's events come from the cluster (--index, --from, --to: aggregated in the cluster like
POST /api/es/load) or from a dataset file written by \`logonlens analyze\` (--dataset).

Options:
${CLUSTER_OPTIONS_HELP}
  --from T, --to T           the window (ISO 8601; a date alone is midnight UTC)
  --dataset FILE             analyse this dataset instead of reading the cluster's events

Exit status 0 when written; 1 when the cluster or the file failed; 2 for bad options.`;

export const esExportCommand: Command = {
  name: 'es-export',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseArgs(args, { values: ['--cluster', '--url', '--index', '--from', '--to', '--dataset'] });
    if (p.positional.length > 0) throw new UsageError(`unexpected argument ${p.positional[0]?.slice(0, 60)}`);
    const from = timeOption(p, '--from');
    const to = timeOption(p, '--to');
    const datasetFile = p.values.get('--dataset') ?? null;
    if (!datasetFile && (!from || !to)) throw new UsageError('give --from and --to (or --dataset)');
    if (from && to && Date.parse(to) <= Date.parse(from)) throw new UsageError('--to must be after --from');
    const { client, cluster, indexPattern } = connectFromArgs(p);
    try {
      let dataset: Dataset;
      let window: TimeRange;
      let key: string;
      let description: string;
      if (datasetFile) {
        const parsed = parseDatasetText(await readFile(datasetFile, 'utf8'));
        if (!parsed.ok) {
          io.stderr.write(
            `es-export: ${datasetFile} is not a dataset: ${parsed.problems.slice(0, 3).join('; ')}\n`,
          );
          return 1;
        }
        dataset = parsed.dataset;
        const range = from && to ? { from, to } : (dataset.window ?? dataset.timeRange);
        if (!range) {
          io.stderr.write('es-export: the dataset is empty and no --from/--to was given\n');
          return 1;
        }
        window = range;
        const names = dataset.sources.map((s) =>
          s.kind === 'file' ? (s.sha256 ?? s.name) : `${s.cluster}/${s.indexPattern}`,
        );
        key = `dataset:${names.join(',')}`;
        description = dataset.title ?? names.join(', ');
      } else {
        window = { from: from ?? '', to: to ?? '' };
        dataset = (await loadEsDataset(client, { cluster, indexPattern, range: window })).dataset;
        key = sourceKey(cluster, indexPattern, 'range');
        description = `${cluster} ${indexPattern}`;
      }
      const r = await exportWindow(client, dataset, window, { key, description });
      io.stdout.write(
        `exported ${window.from} → ${window.to}: ${r.accounts} accounts, ${r.hosts} hosts, ${r.detections} detections (window ${r.windowId})\n`,
      );
      return 0;
    } catch (e) {
      if (e instanceof EsError) {
        io.stderr.write(`es-export: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      client.close();
    }
  },
};
