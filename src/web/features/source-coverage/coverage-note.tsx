import type { Coverage } from '../../../core/dataset/schema';

export interface CoverageNoteProps {
  /** The dataset's coverage; undefined for datasets written before LogonLens recorded it. */
  coverage: Coverage | undefined;
}

/** Event IDs listed before "… and N more" (a log may hold hundreds). */
const MAX_LISTED = 12;

/**
 * What the loaded logs can and cannot show, next to the detections: the event IDs read, the
 * detections that could not fire for lack of their events, and the Sigma rules that did not run.
 * Without it an empty detection list reads as "clean" when it may only mean "not audited".
 */
export function CoverageNote({ coverage }: CoverageNoteProps) {
  if (coverage === undefined)
    return (
      <section aria-label="Coverage" className="coverage-note">
        <p>
          This dataset does not record which events its logs held: no detection does not mean nothing
          happened.
        </p>
      </section>
    );
  const counts = Object.entries(coverage.eventIds)
    .map(([id, n]) => [Number(id), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const listed = counts.slice(0, MAX_LISTED);
  const sigma = coverage.sigma;
  return (
    <section aria-label="Coverage" className="coverage-note">
      <p>
        Events read:{' '}
        {counts.length === 0
          ? 'none of the analysed event IDs'
          : listed.map(([id, n]) => `${id} ×${n.toLocaleString('en')}`).join(', ')}
        {counts.length > MAX_LISTED ? `, … and ${counts.length - MAX_LISTED} more` : ''}
      </p>
      {coverage.blind.length > 0 && (
        <div role="note" aria-label="Detections that could not fire">
          <p>
            {coverage.blind.length === 1
              ? '1 detection could not fire'
              : `${coverage.blind.length} detections could not fire`}{' '}
            because their events are absent; silence there is not proof of absence:
          </p>
          <ul>
            {coverage.blind.map((b) => (
              <li key={b.detection}>{b.note}</li>
            ))}
          </ul>
        </div>
      )}
      {sigma !== null && (
        <div aria-label="Sigma rules">
          <p>
            Sigma: {sigma.rules} rule{sigma.rules === 1 ? '' : 's'} run
            {sigma.problems.length > 0 ? `, ${sigma.problems.length} not run` : ''}.
          </p>
          {sigma.problems.length > 0 && (
            <details>
              <summary>Rules not run</summary>
              <ul>
                {sigma.problems.slice(0, 200).map((p, i) => (
                  <li key={`${p.file}-${i}`}>
                    {p.file}
                    {p.rule === null ? '' : ` (${p.rule})`}:{' '}
                    {p.kind === 'unsupported' ? 'unsupported' : 'invalid'}, {p.reason}
                  </li>
                ))}
              </ul>
              {sigma.problems.length > 200 && <p>… and {sigma.problems.length - 200} more</p>}
            </details>
          )}
        </div>
      )}
    </section>
  );
}
