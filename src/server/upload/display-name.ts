/**
 * The one length rule for names a person gives or uploads: dataset names and uploaded file names
 * (a dataset created from an upload is named after its first file, so both must fit the same rule).
 */
export const MAX_NAME_LENGTH = 200;

/**
 * The client's file name, for display only (job results, dataset sources): the last path segment,
 * without control or bidi-override characters, at most MAX_NAME_LENGTH characters. It never
 * becomes a path on the server.
 */
export function displayName(raw: string | undefined | null): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = last
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const name = clean === '' || clean === '.' || clean === '..' ? 'upload' : clean;
  return name.length > MAX_NAME_LENGTH ? name.slice(0, MAX_NAME_LENGTH) : name;
}
