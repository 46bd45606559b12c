import { describe, expect, it } from 'vitest';
import { compactInstant, exportFileName, safeNamePart } from './export-file-name.js';

const WINDOW = { from: '2021-12-03T00:00:00Z', to: '2021-12-04T00:00:00Z' };
const AT = '2026-03-10T14:15:03.456Z';

describe('export file names', () => {
  it('name the dataset, the window and the export time', () => {
    expect(exportFileName({ dataset: 'corp week', window: WINDOW, exportedAt: AT }, 'png')).toBe(
      'logonlens_corp-week_20211203T000000Z_20211204T000000Z_20260310T141503Z.png',
    );
    expect(exportFileName({ dataset: 'x', window: null, exportedAt: AT }, 'csv', 'nodes')).toBe(
      'logonlens_x_all_20260310T141503Z_nodes.csv',
    );
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\System32', 'C-Windows-System32'],
    ['<img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1'],
    ['a\u202Etxt.exe', 'a-txt.exe'],
    ['nul\u0000byte\r\nline', 'nul-byte-line'],
    ['"quoted";|pipe*?', 'quoted-pipe'],
    ['...', 'dataset'],
    ['', 'dataset'],
    ['\u0000\u0007', 'dataset'],
    ['社内ログ 2021', '社内ログ-2021'],
  ])('make %j a safe part: %j', (name, safe) => {
    expect(safeNamePart(name)).toBe(safe);
  });

  it('bound a huge name and never leave path separators or control characters', () => {
    const name = exportFileName(
      { dataset: `${'/\\:*?"<>|\u0001'.repeat(50)}${'A'.repeat(10_000)}`, window: WINDOW, exportedAt: AT },
      'svg',
    );
    expect(name.length).toBeLessThan(140);
    expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202e]/);
    expect(name.endsWith('.svg')).toBe(true);
  });

  it('write a bad instant as unknown and a hostile extension as letters only', () => {
    expect(compactInstant('yesterday')).toBe('unknown');
    expect(exportFileName({ dataset: 'd', window: null, exportedAt: 'x' }, '../.html')).toBe(
      'logonlens_d_all_unknown.html',
    );
  });
});
