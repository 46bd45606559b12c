/// <reference lib="webworker" />
import { runExportJob, type ExportJob } from './export-job';

/** One export job per message; replies with its JobResult. */
self.onmessage = (event: MessageEvent<ExportJob>) => {
  self.postMessage(runExportJob(event.data));
};
