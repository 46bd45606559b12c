import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Detection, Flag, Message, MessageParam, Reason } from '../../core/dataset/index.js';
import { i18n as appI18n } from './i18n';

/**
 * Formatters of the analysis' messages: `join` and `semicolons` join a list the language's way (its
 * separators are messages of the catalogue), `ordinal` writes 1st, 2nd… (a language that says it
 * otherwise does not use it).
 */
function addFormatters(instance: typeof appI18n): void {
  const formatter = instance.services.formatter;
  if (formatter === undefined) return;
  const joiner =
    (separator: 'analysis:list.join' | 'analysis:list.semicolons') =>
    (value: unknown, lng: string | undefined): string =>
      Array.isArray(value)
        ? value.join(instance.t(separator, lng === undefined ? {} : { lng }))
        : String(value);
  formatter.add('join', joiner('analysis:list.join'));
  formatter.add('semicolons', joiner('analysis:list.semicolons'));
  formatter.add('ordinal', (value: unknown, lng: string | undefined): string => {
    const n = Number(value);
    const rule = new Intl.PluralRules(lng ?? 'en', { type: 'ordinal' }).select(n);
    const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
    return (lng ?? 'en').startsWith('en') ? `${n}${suffix[rule] ?? 'th'}` : String(n);
  });
}
addFormatters(appI18n);

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
  /** A node's note `i` (its message when the node's messages match its notes one for one). */
  nodeNote(
    node: { notes: readonly string[]; noteMessages?: readonly Message[] | undefined },
    i: number,
  ): string;
  /** A score's name (`failures`); unknown scores as they are. */
  score(name: string): string;
}

type Rendered = string | number | string[];

function renderParam(
  t: TFunction<'analysis'>,
  exists: (key: string) => boolean,
  value: MessageParam,
): Rendered | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) {
    // Lists go to the template as lists: its formatter (`join`, `semicolons`, `list`) joins them.
    const parts: string[] = [];
    for (const item of value as readonly (string | number | Message)[]) {
      const r = typeof item === 'object' ? renderMessage(t, exists, item) : String(item);
      if (r === null) return null;
      parts.push(r);
    }
    return parts;
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
      return parts.every((p) => p !== null) ? parts.join(t('list.semicolons')) : d.detail;
    },
    kind: (kind) => (exists(`kinds.${kind}`) ? or({ key: `kinds.${kind}` }, kind) : kind),
    blindNote: (b) => or(b.noteMessage, b.note),
    nodeNote: (node, i) =>
      or(
        node.noteMessages?.length === node.notes.length ? node.noteMessages[i] : undefined,
        node.notes[i] ?? '',
      ),
    score: (name) => (exists(`scores.${name}`) ? or({ key: `scores.${name}` }, name) : name),
  };
}

/** The analysis' words in one language of an i18next instance (the app's by default). */
export function analysisTextIn(language: string, instance: typeof appI18n = appI18n): AnalysisText {
  // English is the source catalogue (every other language has its keys): an id is known when it
  // names a message there, itself or as plural forms; an id naming a group of messages is not.
  const isMessage = (key: string): boolean => typeof instance.getResource('en', 'analysis', key) === 'string';
  const exists = (key: string): boolean => isMessage(key) || isMessage(`${key}_other`);
  return analysisText(instance.getFixedT(language, 'analysis'), exists);
}

/** The analysis' words in the current UI language (re-rendered when it changes). */
export function useAnalysisText(): AnalysisText {
  const { i18n } = useTranslation('analysis');
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => analysisTextIn(language, i18n), [language, i18n]);
}
