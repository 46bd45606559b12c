// Issue 4's last check, end to end: a dataset written by `logonlens analyze` from a real log opens
// in the app and shows the graph, the rankings and their reasons.
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatasetFile } from './helpers/app-page.js';
import { HAS_CHROMIUM, warnIfNoChromium } from './helpers/chromium.js';
import { analyzeFixtures } from './helpers/cli.js';
import { useStaticApp } from './helpers/app-in-browser.js';
import { useTempDir } from './helpers/temp-dir.js';

warnIfNoChromium();

describe.skipIf(!HAS_CHROMIUM)('a dataset written by analyze, opened in Chromium', () => {
  const tmp = useTempDir('logonlens-analyze-e2e-');
  const app = useStaticApp();
  let dataset: string;
  beforeAll(async () => {
    dataset = await analyzeFixtures(['evtx/m2a-kerbrute.evtx'], tmp.path, 'kerbrute.dataset.json');
  });

  it('shows the graph, the ranked accounts and hosts, and the reasons behind the scores', async () => {
    const { page, seen, status } = await openDatasetFile(app.browser, app.server.url, dataset);
    // Kerbrute: one attacking address against many accounts on one DC, all on 2021-12-03.
    expect(await status.textContent()).toMatch(/^[1-9][\d,]* nodes · [1-9][\d,]* edges/);
    const ranking = page.getByRole('region', { name: 'Ranking' });
    await ranking.getByText('10.23.123.11').first().waitFor();
    const text = (await ranking.textContent()) ?? '';
    expect(text).toContain('ROOTDC1');
    expect(text).toMatch(/failed Kerberos pre-auth \(4771\)/);
    expect(seen.errors).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });
});
