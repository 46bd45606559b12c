import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../core/dataset/schema';
import { useAnalysisText } from '../../i18n/analysis-text';

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
  const { t, i18n } = useTranslation('coverage');
  const text = useAnalysisText();
  if (coverage === undefined)
    return (
      <section aria-label={t('label')} className="coverage-note">
        <p>{t('unknown')}</p>
      </section>
    );
  const counts = Object.entries(coverage.eventIds)
    .map(([id, n]) => [Number(id), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const listed = counts.slice(0, MAX_LISTED);
  const sigma = coverage.sigma;
  return (
    <section aria-label={t('label')} className="coverage-note">
      <p>
        {t('eventsRead')}
        {counts.length === 0
          ? t('noneRead')
          : listed.map(([id, n]) => `${id} ×${n.toLocaleString(i18n.language)}`).join(', ')}
        {counts.length > MAX_LISTED ? t('moreIds', { count: counts.length - MAX_LISTED }) : ''}
      </p>
      {coverage.blind.length > 0 && (
        <div role="note" aria-label={t('blindLabel')}>
          <p>{t('blind', { count: coverage.blind.length })}</p>
          <ul>
            {coverage.blind.map((b) => (
              <li key={b.detection}>{text.blindNote(b)}</li>
            ))}
          </ul>
        </div>
      )}
      {sigma !== null && (
        <div aria-label={t('sigmaLabel')}>
          <p>
            {sigma.problems.length > 0
              ? t('sigmaRunNotRun', { count: sigma.rules, notRun: sigma.problems.length })
              : t('sigmaRun', { count: sigma.rules })}
          </p>
          {sigma.problems.length > 0 && (
            <details>
              <summary>{t('notRun')}</summary>
              <ul>
                {sigma.problems.slice(0, 200).map((p, i) => (
                  <li key={`${p.file}-${i}`}>
                    {p.file}
                    {p.rule === null ? '' : ` (${p.rule})`}:{' '}
                    {p.kind === 'unsupported' ? t('unsupported') : t('invalid')}, {p.reason}
                  </li>
                ))}
              </ul>
              {sigma.problems.length > 200 && <p>{t('more', { count: sigma.problems.length - 200 })}</p>}
            </details>
          )}
        </div>
      )}
    </section>
  );
}
