import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { CoverageNote } from './coverage-note';
import { coverageOf } from '../../../core/analysis/coverage';

afterEach(cleanup);

describe('CoverageNote', () => {
  it('lists the events read and the detections that could not fire', () => {
    render(<CoverageNote coverage={coverageOf({ '4624': 1200, '4625': 3 }, null)} />);
    expect(screen.getByText(/Events read: 4624 ×1,200, 4625 ×3/)).toBeTruthy();
    const blind = screen.getByRole('note', { name: 'Detections that could not fire' });
    expect(within(blind).getByText(/no 4662 events: DCSync cannot be seen/)).toBeTruthy();
    expect(within(blind).getByText(/no 4742 events: DCShadow by SPN cannot be seen/)).toBeTruthy();
    expect(within(blind).queryByText(/pass-the-hash/)).toBeNull(); // 4624 is there
  });

  it('reports the Sigma rules that did not run, with file and reason', () => {
    const coverage = coverageOf(
      { '4624': 1 },
      {
        rules: 12,
        problems: [
          {
            file: 'x.yml',
            rule: 'Burst',
            kind: 'unsupported',
            reason: 'aggregation conditions are not supported',
          },
        ],
      },
    );
    render(<CoverageNote coverage={coverage} />);
    expect(screen.getByText('Sigma: 12 rules run, 1 not run.')).toBeTruthy();
    expect(screen.getByText(/x\.yml \(Burst\): unsupported, aggregation conditions/)).toBeTruthy();
  });

  it('says so when a dataset records no coverage, and renders hostile names as text', () => {
    const { unmount } = render(<CoverageNote coverage={undefined} />);
    expect(screen.getByText(/does not record which events/)).toBeTruthy();
    unmount();
    const coverage = coverageOf(
      {},
      {
        rules: 0,
        problems: [
          { file: '<img src=x onerror=alert(1)>.yml', rule: null, kind: 'invalid', reason: 'YAML: bad' },
        ],
      },
    );
    const { container } = render(<CoverageNote coverage={coverage} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/Events read: none/)).toBeTruthy();
  });
});
