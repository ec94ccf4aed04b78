import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, type ApiClient, type TestServer } from '../../testing/index.js';

let srv: TestServer;
let api: ApiClient;

beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
});
afterAll(() => srv.close());

describe('API keys over HTTP', () => {
  it('creates a key of the caller mode, shows the secret once, and the new key works', async () => {
    const created = await api.post('/api-keys', { name: 'ci', read_only: true });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'ci', mode: 'test_mode', read_only: true, revoked_at: null, current: false });
    expect(created.body.secret).toMatch(/^tly_test_/);
    expect(created.body.secret.startsWith(created.body.prefix)).toBe(true);
    expect((await api.withKey(created.body.secret).get('/events')).status).toBe(200);
    const listed = await api.get('/api-keys');
    const row = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(row).toBeDefined();
    expect(row.secret).toBeUndefined();
  });

  it('lists only the keys of the caller mode and marks the caller key', async () => {
    const test = await api.get('/api-keys');
    const live = await api.withKey(srv.liveApiKey).get('/api-keys');
    expect(test.body.items.every((k: { mode: string }) => k.mode === 'test_mode')).toBe(true);
    expect(live.body.items.map((k: { mode: string }) => k.mode)).toEqual(['live_mode']);
    expect(test.body.items.filter((k: { current: boolean }) => k.current)).toHaveLength(1);
  });

  it('revokes a key, which then gets 401; revoking again is harmless', async () => {
    const { body: k } = await api.post('/api-keys', { name: 'doomed' });
    const revoked = await api.del(`/api-keys/${k.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    expect((await api.withKey(k.secret).get('/events')).status).toBe(401);
    expect((await api.del(`/api-keys/${k.id}`)).body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it('refuses a read-only key 403 on create and revoke', async () => {
    const ro = api.withKey(srv.readOnlyApiKey);
    expect((await ro.post('/api-keys', { name: 'x' })).status).toBe(403);
    const { body: k } = await api.post('/api-keys', {});
    expect((await ro.del(`/api-keys/${k.id}`)).status).toBe(403);
    expect((await api.withKey(k.secret).get('/events')).status).toBe(200);
  });

  it('answers 404 to revoking a key of the other mode, which keeps working', async () => {
    const { body: liveKey } = await api.withKey(srv.liveApiKey).post('/api-keys', { name: 'live2' });
    expect((await api.del(`/api-keys/${liveKey.id}`)).status).toBe(404);
    expect((await api.withKey(liveKey.secret).get('/events')).status).toBe(200);
    expect((await api.get('/api-keys')).body.items.some((k: { id: string }) => k.id === liveKey.id)).toBe(false);
  });

  it('needs a key', async () => {
    expect((await apiClient(srv.url).get('/api-keys')).status).toBe(401);
  });
});
