import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { badResponse } from './client';
import { ApiError, errorFromResponse, errorMessage, networkError } from './errors';

describe('errorFromResponse', () => {
  it("uses the server's { error: { code, message } }", () => {
    const e = errorFromResponse(
      413,
      JSON.stringify({ error: { code: 'too_large', message: 'Upload exceeds 2 GB.' } }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([413, 'too_large', 'Upload exceeds 2 GB.']);
  });

  it('turns a proxy page or an empty body into a sentence with the status', () => {
    expect(errorFromResponse(502, '<html><body>Bad gateway</body></html>').message).toBe(
      'The server answered 502: bad gateway.',
    );
    expect(errorFromResponse(418, '').message).toBe('The server answered 418: unexpected error.');
  });

  it('flattens control characters and clips very long messages', () => {
    const e = errorFromResponse(
      400,
      JSON.stringify({ error: { code: 'bad', message: `a\u0007\nb${'x'.repeat(5000)}` } }),
    );
    expect(e.message.startsWith('a b')).toBe(true);
    expect(e.message.length).toBeLessThanOrEqual(501);
  });
});

describe('errorMessage', () => {
  it('reads every kind of thrown value', () => {
    expect(errorMessage(networkError(new TypeError('Failed to fetch')))).toBe(
      'Cannot reach the LogonLens server (Failed to fetch). Is it running?',
    );
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toBe('Something went wrong.');
  });
});

describe('in Japanese', () => {
  it("words the app's own errors in the UI language, the server's message as sent", async () => {
    await i18n.changeLanguage('ja');
    expect(errorFromResponse(404, '').message).toBe('サーバーの応答は 404 でした: 見つかりません。');
    expect(errorFromResponse(418, '').message).toBe('サーバーの応答は 418 でした: 予期しないエラー。');
    expect(errorMessage(networkError(new TypeError('Failed to fetch')))).toBe(
      'LogonLens サーバーに接続できません (Failed to fetch)。サーバーは起動していますか?',
    );
    expect(badResponse('graph', 'format').message).toBe(
      'サーバーから、アプリが解釈できないグラフが送られてきました: format。',
    );
    const server = JSON.stringify({ error: { code: 'too_large', message: 'Upload exceeds 2 GB.' } });
    expect(errorFromResponse(413, server).message).toBe('Upload exceeds 2 GB.');
  });
});
