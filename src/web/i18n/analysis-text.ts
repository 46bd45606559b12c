import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Detection, Flag, Message, MessageParam, Reason } from '../../core/dataset/index.js';

/**
 * The analysis' words in the reader's language: a message id with parameters written by `core` is
 * looked up in the `analysis` catalogue; a dataset written before message ids (or an id this app does
 * not know) shows its stored English text. Lists are joined the language's way; nested messages
 * (phrases such as "failed logons (4625)") are rendered first. Parameters are log text: React shows
 * them, nothing interprets them.
 */
export interface AnalysisText {
  /** A message, or null when an id in it is unknown. */
  message(m: Message): string | null;
  reason(r: Reason): string;
  flagDetail(f: Flag): string;
  title(d: Detection): string;
  detail(d: Detection): string;
  /** A detection kind's name (`password-guessing` → "password guessing"); unknown kinds as they are. */
  kind(kind: string): string;
  blindNote(b: { note: string; noteMessage?: Message | undefined }): string;
  /** A score's name (`failures`); unknown scores as they are. */
  score(name: string): string;
}

type Rendered = string | number;

function renderParam(
  t: TFunction<'analysis'>,
  exists: (key: string) => boolean,
  value: MessageParam,
): Rendered | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) {
    const parts: Rendered[] = [];
    for (const item of value as readonly (string | number | Message)[]) {
      const r = typeof item === 'object' ? renderMessage(t, exists, item) : item;
      if (r === null) return null;
      parts.push(r);
    }
    return parts.join(t('list.separator'));
  }
  return renderMessage(t, exists, value as Message);
}

function renderMessage(
  t: TFunction<'analysis'>,
  exists: (key: string) => boolean,
  m: Message,
): string | null {
  if (!exists(m.key)) return null;
  const params: Record<string, Rendered> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) {
    const r = renderParam(t, exists, value);
    if (r === null) return null;
    params[name] = r;
  }
  // The key comes from data: typed keys cannot check it, `exists` did.
  return (t as unknown as (key: string, options: object) => string)(m.key, params);
}

export function analysisText(t: TFunction<'analysis'>, exists: (key: string) => boolean): AnalysisText {
  const message = (m: Message): string | null => renderMessage(t, exists, m);
  const or = (m: Message | undefined, text: string): string =>
    m === undefined ? text : (message(m) ?? text);
  return {
    message,
    reason: (r) => or(r.message, r.text),
    flagDetail: (f) => or(f.detailMessage, f.detail),
    title: (d) => or(d.titleMessage, d.title),
    detail: (d) => {
      if (d.detailMessages === undefined || d.detailMessages.length === 0) return d.detail;
      const parts = d.detailMessages.map(message);
      return parts.every((p) => p !== null) ? parts.join(t('list.detailSeparator')) : d.detail;
    },
    kind: (kind) => (exists(`kinds.${kind}`) ? or({ key: `kinds.${kind}` }, kind) : kind),
    blindNote: (b) => or(b.noteMessage, b.note),
    score: (name) => (exists(`scores.${name}`) ? or({ key: `scores.${name}` }, name) : name),
  };
}

/** The analysis' words in the current UI language (re-rendered when it changes). */
export function useAnalysisText(): AnalysisText {
  const { t, i18n } = useTranslation('analysis');
  return useMemo(() => {
    // English is the source catalogue (every other language has its keys): an id is known when it
    // names a message there, itself or as plural forms; an id naming a group of messages is not.
    const isMessage = (key: string): boolean => typeof i18n.getResource('en', 'analysis', key) === 'string';
    const exists = (key: string): boolean => isMessage(key) || isMessage(`${key}_other`);
    return analysisText(t, exists);
  }, [t, i18n]);
}
