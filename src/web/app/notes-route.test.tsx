import { renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { computeView, DEFAULT_FILTERS } from '../../core/analysis/index.js';
import { makeDataset } from '../../core/analysis/testing';
import type { Annotation } from '../../core/dataset/index.js';
import { generateDataset } from '../../core/dataset/testing/generate-dataset.js';
import { jsonFile, renderWithProviders } from '../test/render';
import { App } from './app';
import { inspectorTarget } from '../features/inspector';
import { linkId } from '../lib/graph-ids';
import { selectionTarget, targetLabel, useTagCut } from './notes-route';

const H = 455_016;
const A = 'account:corp\\a';
const B = 'account:corp\\b';
const d = makeDataset([
  { account: A, source: 'ip:10.0.0.1', target: 'host:ws1', hourly: [[H, 1]] },
  { account: B, source: 'host:ws7', target: 'host:ws2', hourly: [[H, 1]] },
]);
const view = computeView(d, null, { ...DEFAULT_FILTERS, showHidden: true });
const nodes = new Map(d.nodes.map((n) => [n.id, n]));

describe('notes in the graph page', () => {
  it('annotates the selected node, or the selected link by its id', () => {
    expect(selectionTarget(inspectorTarget(view, nodes, A), A)).toEqual({ kind: 'node', id: A });
    const link = linkId(A, 'ip:10.0.0.1', 'from');
    expect(selectionTarget(inspectorTarget(view, nodes, link), link)).toEqual({ kind: 'edge', id: link });
    expect(selectionTarget(inspectorTarget(view, nodes, 'gone'), 'gone')).toBeNull();
    expect(selectionTarget(null, null)).toBeNull();
  });

  it('cuts the view to what carries the tag and its neighbours, and counts the tagged nodes shown', () => {
    const notes: Annotation[] = [
      {
        target: { kind: 'edge', id: linkId(B, 'host:ws7', 'from') },
        note: '',
        tags: ['compromised'],
        updated: '2026-12-06T07:00:00Z',
      },
    ];
    const none = renderHook(() => useTagCut(view, notes, null)).result.current;
    expect(none).toEqual({ view, matches: null });
    const cut = renderHook(() => useTagCut(view, notes, 'compromised')).result.current;
    expect(cut.view.nodes.map((n) => n.id).sort()).toEqual([B, 'host:ws2', 'host:ws7'].sort());
    expect(cut.matches).toBe(2);
    expect(renderHook(() => useTagCut(view, notes, 'benign')).result.current.matches).toBe(0);
  });

  it('opens a file whose notes are partly unreadable: the rest is kept, and a notice says so', async () => {
    const value = generateDataset({
      accounts: 4,
      hosts: 2,
      ips: 1,
      days: 1,
      seed: 3,
      start: '2021-12-01T00:00:00Z',
    });
    const good: Annotation = {
      target: { kind: 'node', id: value.nodes[0]!.id },
      note: 'checked',
      tags: ['reviewed'],
      updated: '2026-12-06T07:00:00Z',
    };
    const file = jsonFile('notes.json', { ...value, annotations: [good, { target: 'x' }] });
    renderWithProviders(<App />);
    await userEvent.setup().upload(screen.getByLabelText('Open dataset file'), file);
    expect(
      await screen.findByText('annotations: 1 entry could not be read and was left out'),
    ).toBeInTheDocument();
    await screen.findByTestId('status');
    expect(await screen.findByLabelText('Show only tagged')).toBeInTheDocument();
  });

  it('names a note’s target: node label, link ends in logon order, detection title', () => {
    const at = (kind: Annotation['target']['kind'], id: string): Annotation => ({
      target: { kind, id },
      note: '',
      tags: ['x'],
      updated: '2026-12-06T07:00:00Z',
    });
    const title = (id: string) => (id === 'det1' ? 'DCSync by a' : undefined);
    const label = (id: string) => nodes.get(id)?.label ?? id;
    expect(targetLabel(at('node', A), d, title)).toBe(label(A));
    expect(targetLabel(at('edge', linkId(A, 'ip:10.0.0.1', 'from')), d, title)).toBe(
      `${label('ip:10.0.0.1')} → ${label(A)}`,
    );
    expect(targetLabel(at('detection', 'det1'), d, title)).toBe('DCSync by a');
    expect(targetLabel(at('detection', 'gone'), d, title)).toBe('gone');
  });
});
