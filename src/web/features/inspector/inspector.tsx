import type { ViewEdge } from '../../../core/analysis/index.js';
import type { DatasetNode, Ranking } from '../../../core/dataset/index.js';
import { displaySafe } from '../../../core/text/display-safe';
import { formatScore } from '../../lib/encodings';
import type { LinkEnds } from '../../lib/graph-ids';
import { useTimeFormat } from '../../lib/use-time-format';

export type InspectorTarget =
  | { kind: 'node'; node: DatasetNode; ranking: Ranking | undefined }
  | { kind: 'link'; ends: LinkEnds; edges: ViewEdge[]; label(id: string): string }
  | { kind: 'missing'; id: string };

const ROLE: Record<LinkEnds['role'], string> = {
  from: 'logged on from',
  to: 'logged on to',
  member: 'member of',
};

/** Attributes, flags, scores and reasons of the selected node, or the logons behind a link. */
export function Inspector({ target, onClose }: { target: InspectorTarget | null; onClose(): void }) {
  if (target === null) return <p className="muted">Select a node or edge in the graph or the ranking.</p>;
  return (
    <div className="inspector">
      <button type="button" className="close" onClick={onClose} aria-label="Clear selection">
        ×
      </button>
      {target.kind === 'node' && <NodeDetails node={target.node} ranking={target.ranking} />}
      {target.kind === 'link' && <LinkDetails ends={target.ends} edges={target.edges} label={target.label} />}
      {target.kind === 'missing' && (
        <p className="muted">
          The selection <code>{displaySafe(target.id)}</code> is not in this window or is hidden by the
          filters.
        </p>
      )}
    </div>
  );
}

function Row({ name, value }: { name: string; value: React.ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

function NodeDetails({ node, ranking }: { node: DatasetNode; ranking: Ranking | undefined }) {
  const time = useTimeFormat();
  return (
    <>
      <h3 className="inspector-title">{displaySafe(node.label)}</h3>
      <dl>
        <Row name="kind" value={node.kind} />
        <Row name="id" value={<code>{displaySafe(node.id)}</code>} />
        {node.domain !== null && <Row name="domain" value={displaySafe(node.domain)} />}
        {node.sid !== null && <Row name="SID" value={node.sid} />}
        {node.ips.length > 0 && <Row name="IPs" value={node.ips.slice(0, 50).join(', ')} />}
        {node.names.length > 0 && (
          <Row name="names" value={displaySafe(node.names.slice(0, 50).join(', '))} />
        )}
        {node.hidden !== null && <Row name="hidden by default" value={node.hidden} />}
      </dl>
      {node.notes.length > 0 && (
        <ul className="notes">
          {node.notes.slice(0, 20).map((n, i) => (
            <li key={i}>{displaySafe(n)}</li>
          ))}
        </ul>
      )}
      {node.flags.length > 0 && (
        <>
          <h4>Flags in this window</h4>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">time ({time.zoneName})</th>
                <th scope="col">flag</th>
                <th scope="col">event</th>
                <th scope="col">detail</th>
              </tr>
            </thead>
            <tbody>
              {node.flags.slice(0, 100).map((f, i) => (
                <tr key={i}>
                  <td>{time(f.time, 'second', { bare: true })}</td>
                  <td>
                    {f.kind}
                    {f.count > 1 ? ` ×${f.count}` : ''}
                  </td>
                  <td>{f.eventId}</td>
                  <td>{displaySafe(f.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {ranking !== undefined && (
        <>
          <h4>Scores</h4>
          <dl className="scores">
            {Object.entries(ranking.scores).map(([k, v]) => (
              <Row key={k} name={k} value={formatScore(v)} />
            ))}
          </dl>
          {ranking.reasons.length > 0 && (
            <>
              <h4>Why</h4>
              <ul className="reasons">
                {ranking.reasons.slice(0, 30).map((r, i) => (
                  <li key={i}>
                    <span className="reason-score">{r.score}</span> {displaySafe(r.text)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function LinkDetails({
  ends,
  edges,
  label,
}: {
  ends: LinkEnds;
  edges: ViewEdge[];
  label(id: string): string;
}) {
  const total = edges.reduce((s, e) => s + e.count, 0);
  const time = useTimeFormat();
  return (
    <>
      <h3 className="inspector-title">
        {displaySafe(label(ends.account))} <span className="muted">{ROLE[ends.role]}</span>{' '}
        {displaySafe(label(ends.other))}
      </h3>
      {ends.role !== 'member' && (
        <>
          <p>
            {total.toLocaleString('en')} events in {edges.length} logon edge{edges.length === 1 ? '' : 's'} in
            this window.
          </p>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">event</th>
                <th scope="col">type</th>
                <th scope="col">auth</th>
                <th scope="col">status</th>
                <th scope="col">count</th>
                <th scope="col">first – last ({time.zoneName})</th>
              </tr>
            </thead>
            <tbody>
              {edges.slice(0, 200).map((e) => (
                <tr key={e.id} className={e.failure ? 'failure' : undefined}>
                  <td>{e.eventId}</td>
                  <td>{displaySafe(e.logonType ?? '–')}</td>
                  <td>{displaySafe(e.authPackage ?? '–')}</td>
                  <td>
                    {e.failure ? [e.status, e.subStatus].filter(Boolean).join(' / ') || 'failed' : 'ok'}
                  </td>
                  <td className="num">{e.count}</td>
                  <td>
                    {time(e.first, 'second', { bare: true })} – {time(e.last, 'second', { bare: true })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
