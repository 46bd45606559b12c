import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useInfiniteQuery } from '@tanstack/react-query';
import { LOGON_EVENT_FIELDS, type LogonEvent } from '../../../core/events';
import { apiKeys, errorMessage, getEvents, type EventsPage, type EventsParams } from '../../lib/api';
import { usedFields, type EventField } from './columns';
import { displayText } from './display-text';
import { useTimeFormat } from '../../lib/use-time-format';

/**
 * Whose events: a node, or the dataset edges behind one drawn link (a link merges the edges of one
 * account and one host that differ in event ID, logon type, ...). Edges are paged one after another.
 */
export type DrilldownTarget = { kind: 'node'; id: string } | { kind: 'edges'; ids: readonly string[] };

/** Where the next page starts: which target of the list, and the server's cursor in it. */
interface PagePointer {
  index: number;
  cursor: string | null;
}

export interface DrilldownPanelProps {
  datasetId: string;
  /** The window of the view (null = the whole dataset). */
  from: string | null;
  to: string | null;
  target: DrilldownTarget;
  /** What the target is called on screen (an account, a host, an edge "alice → WS01"). */
  targetLabel: string;
  onClose?: () => void;
  pageSize?: number;
}

/**
 * The raw events behind a node or an edge of the graph in the current window, page by page (the
 * server pages with a cursor). Every value is shown as text: these are the log's own strings.
 */
export function DrilldownPanel({
  datasetId,
  from,
  to,
  target,
  targetLabel,
  onClose,
  pageSize,
}: DrilldownPanelProps) {
  const targets: EventsParams['target'][] =
    target.kind === 'node'
      ? [{ kind: 'node', id: target.id }]
      : target.ids.map((id) => ({ kind: 'edge', id }));
  const paramsAt = (index: number): EventsParams | null => {
    const t = targets[index];
    if (t === undefined) return null;
    return pageSize === undefined ? { from, to, target: t } : { from, to, target: t, limit: pageSize };
  };
  const query = useInfiniteQuery({
    queryKey: [
      ...apiKeys.events(datasetId, from, to, [
        target.kind,
        ...(target.kind === 'node' ? [target.id] : target.ids),
      ]),
      pageSize ?? null,
    ],
    queryFn: ({ pageParam, signal }): Promise<EventsPage & { pointer: PagePointer }> => {
      const params = paramsAt(pageParam.index);
      if (params === null) return Promise.resolve({ events: [], nextCursor: null, pointer: pageParam });
      return getEvents(datasetId, params, pageParam.cursor, signal).then((page) => ({
        ...page,
        pointer: pageParam,
      }));
    },
    initialPageParam: { index: 0, cursor: null } as PagePointer,
    getNextPageParam: (last): PagePointer | undefined => {
      if (last.nextCursor !== null) return { index: last.pointer.index, cursor: last.nextCursor };
      return last.pointer.index + 1 < targets.length
        ? { index: last.pointer.index + 1, cursor: null }
        : undefined;
    },
    enabled: targets.length > 0,
  });
  const { t } = useTranslation('drilldown');
  const [showEmpty, setShowEmpty] = useState(false);
  const headingId = useId();
  const emptyId = useId();
  const time = useTimeFormat();

  const events: LogonEvent[] = query.data?.pages.flatMap((p) => p.events) ?? [];
  const fields: readonly EventField[] = showEmpty ? LOGON_EVENT_FIELDS : usedFields(events);
  const hiddenCount = LOGON_EVENT_FIELDS.length - usedFields(events).length;

  return (
    <section className="drilldown" aria-labelledby={headingId}>
      <header className="drilldown-header">
        <h2 id={headingId}>
          {/* The label (log text) is the component's own child: it never goes through the message parser. */}
          <Trans
            t={t}
            i18nKey={target.kind === 'node' ? 'headingNode' : 'headingLink'}
            components={{ target: <span className="drill-target">{targetLabel}</span> }}
          />
        </h2>
        {onClose && (
          <button type="button" onClick={onClose} aria-label={t('closeLabel')}>
            {t('close')}
          </button>
        )}
      </header>
      {targets.length === 0 ? (
        <p>{t('noTargets')}</p>
      ) : query.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : query.isError && events.length === 0 ? (
        <div role="alert" className="error">
          <p>{t('loadFailed', { error: errorMessage(query.error) })}</p>
          <button type="button" onClick={() => void query.refetch()}>
            {t('tryAgain')}
          </button>
        </div>
      ) : events.length === 0 ? (
        <p>{t('noEvents')}</p>
      ) : (
        <>
          <div className="drilldown-tools">
            <p role="status">
              {query.hasNextPage
                ? t('loaded', { count: events.length })
                : t('allShown', { count: events.length })}
            </p>
            {hiddenCount > 0 && (
              <>
                <input
                  id={emptyId}
                  type="checkbox"
                  checked={showEmpty}
                  onChange={(e) => setShowEmpty(e.target.checked)}
                />
                <label htmlFor={emptyId}>{t('showEmpty', { count: hiddenCount })}</label>
              </>
            )}
          </div>
          <div className="drilldown-scroll">
            <table className="event-table">
              <thead>
                <tr>
                  {fields.map((f) => (
                    <th key={f} scope="col">
                      {f === 'time' ? t('field.time', { zone: time.zoneName }) : t(`field.${f}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {events.map((event, i) => (
                  <tr key={`${event.computer ?? ''}|${event.recordId ?? ''}|${i}`}>
                    {fields.map((f) => (
                      <Cell
                        key={f}
                        value={
                          f === 'time' && typeof event.time === 'string'
                            ? time(event.time, 'second', { bare: true })
                            : event[f]
                        }
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {query.isFetchNextPageError && (
            <p role="alert" className="error">
              {t('loadMoreFailed', { error: errorMessage(query.error) })}
            </p>
          )}
          {query.hasNextPage && (
            <button
              type="button"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
            >
              {query.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Cell({ value }: { value: string | number | null }) {
  const { t } = useTranslation('drilldown');
  const { text, clipped } = displayText(value);
  return (
    <td>
      {text}
      {clipped > 0 && <span className="clipped">{t('clipped', { count: clipped })}</span>}
    </td>
  );
}
