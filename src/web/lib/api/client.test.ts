import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDatasets, renameDataset } from './datasets';
import { ApiError } from './errors';
import { apiError, jsonResponse, resetApiStubs, sampleDataset, stubFetch } from './test-support';
import { getToken, setTokenPrompt, TOKEN_STORAGE_KEY } from './token';

afterEach(resetApiStubs);

const SECRET = 's3cret-token';

function protectedServer(token: string) {
  return stubFetch((req) =>
    req.headers.get('authorization') === `Bearer ${token}`
      ? jsonResponse(200, { datasets: [sampleDataset()] })
      : apiError(401, 'unauthorized', 'Access token required.'),
  );
}

describe('apiFetch and the access token', () => {
  it('asks once for concurrent 401s, keeps the token in sessionStorage and never in the URL', async () => {
    const { calls } = protectedServer(SECRET);
    const prompt = vi.fn(() => Promise.resolve(SECRET));
    setTokenPrompt(prompt);

    const [a, b, c] = await Promise.all([listDatasets(), listDatasets(), listDatasets()]);
    expect([a, b, c].map((l) => l[0]?.id)).toEqual(['ds1', 'ds1', 'ds1']);
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(prompt).toHaveBeenCalledWith('required');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(SECRET);
    for (const call of calls) expect(`${call.path}?${call.query.toString()}`).not.toContain(SECRET);

    // Later requests send it without asking.
    await listDatasets();
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(calls.at(-1)?.headers.get('authorization')).toBe(`Bearer ${SECRET}`);
  });

  it('asks again, saying so, when the stored token is refused', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'old-token');
    protectedServer(SECRET);
    const prompt = vi.fn(() => Promise.resolve(SECRET));
    setTokenPrompt(prompt);
    await listDatasets();
    expect(prompt).toHaveBeenCalledWith('rejected');
    expect(getToken()).toBe(SECRET);
  });

  it('gives a readable 401 error when the analyst cancels', async () => {
    protectedServer(SECRET);
    setTokenPrompt(() => Promise.resolve(null));
    const error = await listDatasets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toMatch(/needs an access token/);
  });

  it('sends JSON bodies and turns a bad answer shape into a readable error', async () => {
    const { calls } = stubFetch(() => jsonResponse(200, { dataset: { id: 'ds1' } }));
    const error = await renameDataset('a/b', 'New name').catch((e: unknown) => e);
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.path).toBe('/api/datasets/a%2Fb');
    expect(calls[0]?.body).toEqual({ name: 'New name' });
    expect((error as Error).message).toMatch(/^The server sent a dataset the app does not understand/);
  });

  it('says the server cannot be reached when fetch fails', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(listDatasets()).rejects.toThrow('Cannot reach the LogonLens server');
  });
});
