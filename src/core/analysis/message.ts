import type { Message, MessageParam } from '../dataset/schema.js';

/**
 * A message of the `analysis` catalogue (architecture rule 9): its id and parameters travel beside
 * the English text, so that the app shows the words in the reader's language.
 */
export function message(key: string, params?: Record<string, MessageParam>): Message {
  return params === undefined ? { key } : { key, params };
}

/** Log text or any other text shown as it is (a name, a rule's own description). */
export function verbatim(text: string): Message {
  return { key: 'verbatim', params: { text } };
}
