import { i18n } from '../../i18n';
import { API_BASE, authHeader, badResponse, tokenAfter401 } from './client';
import { ApiError, errorFromResponse, networkError } from './errors';
import { getToken } from './token';
import { parseWith } from './schemas';
import { uploadAnswerSchema, type UploadAnswer } from './datasets';

export interface UploadProgress {
  loaded: number;
  /** Bytes to send; null while the browser does not know. */
  total: number | null;
}

export interface UploadOptions {
  files: readonly File[];
  /** Append to this dataset; a new dataset is created when absent. */
  datasetId?: string | undefined;
  /** Name of the new dataset (sent as a form field; the server may name it from the files instead). */
  name?: string | undefined;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal | undefined;
}

const parseAnswer = parseWith(uploadAnswerSchema, 'uploadAnswer');

/**
 * Sends files as multipart/form-data with XMLHttpRequest: fetch() cannot report upload progress,
 * and the analyst needs a real bar for a 1 GB upload. The file bytes are streamed by the browser,
 * never read into memory here. A 401 asks for the token and re-sends.
 */
export async function uploadFiles(opts: UploadOptions): Promise<UploadAnswer> {
  if (opts.files.length === 0) throw new ApiError(400, 'no_files', i18n.t('api:noFiles'));
  const path =
    opts.datasetId === undefined ? '/datasets' : `/datasets/${encodeURIComponent(opts.datasetId)}/files`;
  let token = getToken();
  for (let attempt = 0; ; attempt++) {
    const form = new FormData();
    if (opts.datasetId === undefined && opts.name !== undefined && opts.name.trim() !== '') {
      form.append('name', opts.name.trim());
    }
    for (const file of opts.files) form.append('files', file, file.name);
    const answer = await send(`${API_BASE}${path}`, form, token, opts);
    if (answer.status === 401) {
      token = await tokenAfter401(token, attempt);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) throw errorFromResponse(answer.status, answer.text);
    let value: unknown;
    try {
      value = JSON.parse(answer.text) as unknown;
    } catch {
      throw badResponse('uploadAnswer');
    }
    return parseAnswer(value);
  }
}

function send(
  url: string,
  form: FormData,
  token: string | null,
  opts: UploadOptions,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(authHeader(token))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(networkError(new Error(i18n.t('api:uploadInterrupted'))));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new DOMException('Upload cancelled', 'AbortError'));
        return;
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}
