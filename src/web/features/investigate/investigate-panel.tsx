import { useState } from 'react';
import type { LateralChain, LogonPath, WindowDiff } from '../../../core/analysis/index.js';
import { ChainList, PathList } from './path-list';
import { useTimeFormat } from '../../lib/use-time-format';

export type Hops = 1 | 2 | 3;

export interface InvestigatePanelProps {
  /** The selected node (paths, chains and focus start from it), or null. */
  selected: string | null;
  label(id: string): string;
  onSelectNode(id: string): void;

  focus: string | null;
  hops: Hops;
  onFocus(id: string | null, hops: Hops): void;

  path: { from: string; to: string } | null;
  paths: readonly LogonPath[] | null;
  /** Which search found them: logons forward, backward (to → from), or ignoring direction. */
  pathDirection: 'logon' | 'reverse' | 'any' | null;
  onPath(path: { from: string; to: string } | null): void;

  chain: string | null;
  chains: { chains: readonly LateralChain[]; truncated: boolean } | null;
  onChain(start: string | null): void;

  compare: boolean;
  newOnly: boolean;
  diff: WindowDiff | null;
  onCompare(compare: boolean, newOnly: boolean): void;
}

/**
 * The tools of an investigation on the window: focus on a node's neighbourhood, shortest logon
 * paths between two chosen nodes, lateral-movement chains from a node, and what changed from the
 * previous window. Every choice is in the URL (composed in app/); results are drawn in the graph
 * and listed here as text.
 */
export function InvestigatePanel(props: InvestigatePanelProps) {
  return (
    <div className="investigate">
      <FocusSection {...props} />
      <PathSection {...props} />
      <ChainSection {...props} />
      <CompareSection {...props} />
    </div>
  );
}

function FocusSection({ selected, focus, hops, onFocus, label }: InvestigatePanelProps) {
  return (
    <section aria-label="Focus">
      <h3>Focus</h3>
      <div className="investigate-row">
        <button
          type="button"
          disabled={selected === null}
          onClick={() => selected !== null && onFocus(selected, hops)}
        >
          Focus on selection
        </button>
        <label>
          Hops{' '}
          <select value={hops} onChange={(e) => onFocus(focus, Number(e.target.value) as Hops)}>
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
        {focus !== null && (
          <button type="button" onClick={() => onFocus(null, 1)}>
            Show all
          </button>
        )}
      </div>
      {focus !== null && (
        <p className="muted">
          Showing {label(focus)} and its neighbours within {hops} hop{hops === 1 ? '' : 's'}.
        </p>
      )}
    </section>
  );
}

function PathSection({
  selected,
  path,
  paths,
  pathDirection,
  onPath,
  label,
  onSelectNode,
}: InvestigatePanelProps) {
  // The first end waits here until the second is chosen; only a complete path goes into the URL.
  const [start, setStart] = useState<string | null>(null);
  const from = path?.from ?? start;
  return (
    <section aria-label="Paths">
      <h3>Paths</h3>
      <div className="investigate-row">
        <button type="button" disabled={selected === null} onClick={() => setStart(selected)}>
          Path from selection
        </button>
        <button
          type="button"
          disabled={selected === null || from === null || from === selected}
          onClick={() => {
            if (selected !== null && from !== null && from !== selected) {
              onPath({ from, to: selected });
              setStart(null);
            }
          }}
        >
          Path to selection
        </button>
        {(path !== null || start !== null) && (
          <button
            type="button"
            onClick={() => {
              setStart(null);
              onPath(null);
            }}
          >
            Clear path
          </button>
        )}
      </div>
      {path === null && start !== null && (
        <p className="muted">From {label(start)}: select the other end, then “Path to selection”.</p>
      )}
      {path !== null && (
        <>
          <p className="path-ends">
            Shortest logon paths from <strong>{label(path.from)}</strong> to <strong>{label(path.to)}</strong>
          </p>
          {pathDirection === 'reverse' && (
            <p className="notice warn">
              No logon path leads that way; shown: the logon paths from {label(path.to)} back to{' '}
              {label(path.from)}.
            </p>
          )}
          {pathDirection === 'any' && (
            <p className="notice warn">
              No logon path joins them in either direction; shown: the shortest connections ignoring
              direction.
            </p>
          )}
          {paths !== null && <PathList paths={paths} label={label} onSelectNode={onSelectNode} />}
        </>
      )}
    </section>
  );
}

function ChainSection({ selected, chain, chains, onChain, label, onSelectNode }: InvestigatePanelProps) {
  return (
    <section aria-label="Chains">
      <h3>Lateral movement</h3>
      <div className="investigate-row">
        <button type="button" disabled={selected === null} onClick={() => onChain(selected)}>
          Chains from selection
        </button>
        {chain !== null && (
          <button type="button" onClick={() => onChain(null)}>
            Clear chains
          </button>
        )}
      </div>
      {chain !== null && (
        <>
          <p>
            Time-ordered logon chains from <strong>{label(chain)}</strong>
          </p>
          {chains !== null && (
            <ChainList
              chains={chains.chains}
              truncated={chains.truncated}
              label={label}
              onSelectNode={onSelectNode}
            />
          )}
        </>
      )}
    </section>
  );
}

function CompareSection({ compare, newOnly, diff, onCompare, label, onSelectNode }: InvestigatePanelProps) {
  const time = useTimeFormat();
  return (
    <section aria-label="Compare">
      <h3>Compare windows</h3>
      <div className="investigate-row">
        <label>
          <input type="checkbox" checked={compare} onChange={(e) => onCompare(e.target.checked, false)} />{' '}
          Compare with the previous window
        </label>
        <label>
          <input
            type="checkbox"
            checked={newOnly}
            disabled={!compare}
            onChange={(e) => onCompare(true, e.target.checked)}
          />{' '}
          Only what is new
        </label>
      </div>
      {compare && diff !== null && (
        <div className="compare-summary" data-testid="compare-summary">
          <p>
            Against {time(diff.previous.from, 'minute', { bare: true })} – {time(diff.previous.to, 'minute')}:{' '}
            <strong>{diff.newEdges.length.toLocaleString('en')}</strong> new edges (
            {diff.firstSeenEdges.length.toLocaleString('en')} never seen before),{' '}
            <strong>{diff.goneEdges.length.toLocaleString('en')}</strong> gone;{' '}
            <strong>{diff.newNodes.length.toLocaleString('en')}</strong> new nodes,{' '}
            {diff.goneNodes.length.toLocaleString('en')} gone.
          </p>
          {diff.newNodes.length > 0 && (
            <p>
              New:{' '}
              {diff.newNodes.slice(0, 20).map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <button type="button" className="link" onClick={() => onSelectNode(id)}>
                    {label(id)}
                  </button>
                </span>
              ))}
              {diff.newNodes.length > 20 && ` and ${(diff.newNodes.length - 20).toLocaleString('en')} more`}
            </p>
          )}
          {diff.goneNodes.length > 0 && (
            <p className="muted">
              Gone: {diff.goneNodes.slice(0, 20).map(label).join(', ')}
              {diff.goneNodes.length > 20 && ` and ${(diff.goneNodes.length - 20).toLocaleString('en')} more`}
            </p>
          )}
          {diff.rankChanges.length > 0 && (
            <table className="compact">
              <caption>Biggest PageRank changes</caption>
              <thead>
                <tr>
                  <th scope="col">node</th>
                  <th scope="col">before</th>
                  <th scope="col">now</th>
                  <th scope="col">change</th>
                </tr>
              </thead>
              <tbody>
                {diff.rankChanges.slice(0, 10).map((r) => (
                  <tr key={r.node}>
                    <td>
                      <button type="button" className="link" onClick={() => onSelectNode(r.node)}>
                        {label(r.node)}
                      </button>
                    </td>
                    <td className="num">{r.beforeRank === null ? '–' : `#${r.beforeRank}`}</td>
                    <td className="num">{r.afterRank === null ? '–' : `#${r.afterRank}`}</td>
                    <td className="num">
                      {r.delta > 0 ? '+' : ''}
                      {r.delta.toFixed(3)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
