import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeDataset, makeNode } from '../analysis/testing.js';
import { NO_FILTERS } from '../analysis/view-filters.js';
import type { Dataset } from '../dataset/schema.js';
import { generateDataset } from '../dataset/testing/generate-dataset.js';
import { GENERATOR } from '../version.js';
import { renderReport } from './render-report.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';

const HOSTILE = '<script>alert(1)</script>"\'&x\u202Eexe.txt\u0007';
const H = 451_016; // 2021-06-14T08:00:00Z as a Unix hour

function hostileDataset(): Dataset {
  const d = makeDataset(
    [
      { account: 'account:corp\\evil', source: 'ip:10.0.0.5', target: 'host:dc1', hourly: [[H, 3]] },
      {
        account: 'account:corp\\alice',
        source: 'ip:10.0.0.5',
        target: 'host:dc1',
        hourly: [[H + 1, 2]],
        failure: true,
      },
    ],
    [
      makeNode('account:corp\\evil', {
        label: HOSTILE,
        name: HOSTILE,
        flags: [
          {
            kind: 'created',
            time: '2021-06-14T08:10:00Z',
            count: 1,
            detail: `created by ${HOSTILE}`,
            eventId: 4720,
            computer: 'dc1<u>',
            recordIds: [7],
          },
        ],
      }),
      makeNode('host:dc1', { label: 'DC1<b>' }),
    ],
  );
  return {
    ...d,
    title: `case <img src=x onerror=alert(2)>`,
    sources: [
      { kind: 'file', name: `logs/${HOSTILE}.evtx`, size: 1234, sha256: 'a'.repeat(64), format: 'evtx' },
    ],
    detections: [
      {
        id: 'det1',
        kind: 'dcsync',
        title: `DCSync: ${HOSTILE} requested directory replication`,
        severity: 'high',
        nodes: ['account:corp\\evil'],
        first: '2021-06-14T08:00:00Z',
        last: '2021-06-14T08:00:00Z',
        count: 2,
        detail: `detail ${HOSTILE}`,
        evidence: { eventIds: [4662], recordIds: [24485745, 24485746], computers: [`dc1<i>`] },
      },
    ],
  };
}

const render = (d: Dataset, extra: Partial<Parameters<typeof renderReport>[1]> = {}): string =>
  renderReport(d, { window: null, generatedAt: '2026-12-06T06:00:00Z', ...extra });

/** The page's text with the inline style, script and the JSON block taken out. */
function markupOnly(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<script[\s\S]*?<\/script>/g, '');
}

describe('renderReport: escaping of hostile log text', () => {
  const html = render(hostileDataset());
  it('never lets log text open a tag or an attribute', () => {
    const markup = markupOnly(html);
    expect(markup).not.toContain('<script>alert(1)');
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<b>');
    expect(markup).not.toContain('<i>');
    expect(markup).not.toContain('<u>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;x');
    expect(markup).toContain('case &lt;img src=x onerror=alert(2)&gt;');
  });
  it('shows bidirectional overrides and control characters as visible codes', () => {
    expect(html).not.toContain('\u202E');
    expect(html).not.toContain('\u0007');
    expect(html).toContain('x&lt;U+202E&gt;exe.txt&lt;U+0007&gt;');
  });
  it('has exactly the two inline scripts it writes: the JSON block and its own script', () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
  it('embeds the script data as JSON with < escaped, which parses back to the safe labels', () => {
    const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    const data = JSON.parse(m![1]!) as { labels: Record<string, string> };
    expect(Object.values(data.labels)).toContain('<script>alert(1)</script>"\'&x<U+202E>exe.txt<U+0007>');
  });
});

describe('renderReport: offline and locked down', () => {
  const html = render(hostileDataset());
  it('carries a CSP that forbids network access and allows its inline style and script by hash', () => {
    const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(m).not.toBeNull();
    const csp = m![1]!;
    expect(csp).toContain("default-src 'none'");
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(REPORT_SCRIPT)}`);
    expect(csp).toContain(`style-src ${hash(REPORT_STYLE)}`);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    // The hashed texts are exactly what sits between the tags.
    expect(html).toContain(`<style>${REPORT_STYLE}</style>`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
  });
  it('loads no resource: no src, href, url(), @import or protocol-relative reference', () => {
    // Log text is escaped, so every `<` left starts one of our tags: none names a resource.
    const tags = markupOnly(html).match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) expect(tag).not.toMatch(/\s(src|href|xlink:href|action|srcset|poster|data)=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(markupOnly(html)).not.toMatch(/["'(]\/\//);
  });
});

describe('renderReport: sections', () => {
  it('has the window, filters, graph, rankings with reasons, detections with evidence, sources, version', () => {
    const d = hostileDataset();
    const html = render(d, {
      window: { from: '2021-06-14T00:00:00Z', to: '2021-06-15T00:00:00Z' },
      filters: { ...NO_FILTERS, minCount: 1, eventIds: [4624] },
      datasetName: 'case.json',
    });
    expect(html).toContain('2021-06-14T00:00:00Z → 2021-06-15T00:00:00Z');
    expect(html).toContain('<dt>Event IDs</dt><dd>4624</dd>');
    expect(html).toMatch(/<svg id="graph"[^>]*viewBox=/);
    expect(html.match(/<g class="node"/g)?.length).toBe(4);
    expect(html).toMatch(/<table class="data" id="rankings">/);
    expect(html).toContain('PageRank');
    expect(html).toContain('<li>source of logons by 2 accounts');
    expect(html).toContain('<span class="sev sev-high">high</span>');
    expect(html).toContain('24485745, 24485746');
    expect(html).toContain('4662');
    expect(html).toContain('dc1&lt;i&gt;');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain(`${GENERATOR.name} ${GENERATOR.version}`);
    expect(html).toContain('There are no analyst notes in this dataset.');
    expect(html).toMatch(/<section id="changes">[\s\S]*>created<\/td><td class="num" data-sort="4720">/);
    expect(html).toContain('created by &lt;script&gt;');
    expect(html).toContain('dc1&lt;u&gt;');
  });
  it('is deterministic: the same inputs give the same file', () => {
    const d = generateDataset({ accounts: 30, hosts: 10, ips: 5, days: 2, seed: 7 });
    expect(render(d)).toBe(render(d));
  });
  it('draws at most maxGraphNodes, says so, and still lists every node in the table', () => {
    const d = generateDataset({ accounts: 40, hosts: 10, ips: 5, days: 1, seed: 3 });
    const html = render(d, { maxGraphNodes: 10 });
    expect(html.match(/<g class="node"/g)).toHaveLength(10);
    expect(html).toMatch(/Showing 10 of \d+ nodes: the highest-ranked accounts/);
    expect(html.match(/<tr data-n=/g)!.length).toBeGreaterThan(10);
  });
  it('says when the window holds nothing', () => {
    const html = render(hostileDataset(), {
      window: { from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' },
    });
    expect(html).toContain('No nodes in this window');
    expect(html).toContain('No detections in this window.');
  });
});

describe('renderReport: analyst notes', () => {
  it('shows readable notes with their target and tags, escaped, and counts what it cannot read', () => {
    const annotations = [
      {
        target: { kind: 'node', id: 'account:corp\\evil' },
        note: `pwned ${HOSTILE}`,
        tags: ['compromised', '<x>'],
      },
      { target: { kind: 'detection', id: 'det1' }, note: 'confirmed with the DC owner', tags: ['reviewed'] },
      { kind: 'edge', id: 'e0', tags: ['benign'] },
      {
        target: { kind: 'edge', id: `link:${JSON.stringify(['account:corp\\evil', 'ip:10.0.0.5', 'from'])}` },
        tags: ['x'],
      },
      'junk',
      { target: { kind: 'planet', id: 'x' }, note: 'no' },
      null,
    ];
    const html = render(hostileDataset(), { annotations });
    expect(html).toContain('Analyst notes (4)');
    expect(html).toContain('pwned &lt;script&gt;');
    expect(html).toContain('<span class="tag">compromised</span>');
    expect(html).toContain('<span class="tag">&lt;x&gt;</span>');
    expect(html).toContain('detection DCSync:');
    expect(html).toContain('edge 10.0.0.5 → ');
    expect(html.match(/edge 10\.0\.0\.5 → &lt;script&gt;/g)).toHaveLength(2); // the edge and the link
    expect(html).toContain('3 annotation entries could not be read');
  });
  it('reads the dataset’s own optional annotations field', () => {
    const d = {
      ...hostileDataset(),
      annotations: { items: [{ target: { kind: 'dataset', id: null }, note: 'case 42' }] },
    };
    // Not the format's shape (a dataset built by hand, never validated): still read defensively.
    expect(render(d as unknown as Dataset)).toContain('the dataset</strong><div class="pre">case 42</div>');
  });
});

describe("renderReport: the analyst's time zone", () => {
  const d = generateDataset({
    accounts: 20,
    hosts: 6,
    ips: 3,
    days: 1,
    seed: 5,
    start: '2021-12-03T00:00:00Z',
  });
  const window = { from: '2021-12-02T15:00:00Z', to: '2021-12-03T15:00:00Z' };
  it('writes UTC ISO times by default', () => {
    const html = renderReport(d, { window, generatedAt: '2021-12-10T00:00:00Z' });
    expect(html).toContain('2021-12-02T15:00:00Z → 2021-12-03T15:00:00Z');
    expect(html).toMatch(/<dt>Times shown in<\/dt><dd>UTC<\/dd>|Times shown in<\/th><td>UTC/);
  });
  it('writes times in the chosen zone with their offset', () => {
    const html = renderReport(d, { window, generatedAt: '2021-12-10T00:00:00Z', timeZone: 'Asia/Tokyo' });
    expect(html).toContain('2021-12-03 00:00:00 +09:00 → 2021-12-04 00:00:00 +09:00');
    expect(html).toContain('Asia/Tokyo');
    expect(html).not.toMatch(/<td class="time">\d{4}-\d{2}-\d{2}T/);
  });
});
