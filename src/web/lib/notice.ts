import type { notices } from '../i18n/en/notices';

/**
 * A notice about the URL or the data, as a message id of the `notices` catalogue with its
 * parameters: lib code stays free of sentences, and the Notices component renders it in the
 * reader's language.
 */
export interface Notice {
  key: keyof typeof notices;
  params?: Record<string, string | number>;
}
