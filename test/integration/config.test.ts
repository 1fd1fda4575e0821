// Configuration read from the environment.
import { expect, test } from 'vitest';
import { loadConfig, tokenBits } from '../../server/src/config';

test('an empty ADMIN_TOKEN counts as unset: a random token, never the empty string', () => {
  const config = loadConfig({ ADMIN_TOKEN: '' });
  expect(config.adminToken.length).toBeGreaterThanOrEqual(20);
  expect(config.adminTokenFromEnv).toBe(false);
  const kept = 'Kq3vXz8RmT0pLw5YbN2sHd7J';
  expect(loadConfig({ ADMIN_TOKEN: kept })).toMatchObject({ adminToken: kept, adminTokenFromEnv: true });
});

test('an ADMIN_TOKEN with fewer than 128 bits of entropy is refused, saying why and how to make one', () => {
  for (const weak of [
    'hall2025',
    'test-admin-token',
    'a'.repeat(60),
    '0123456789abcdefghijklmnopqrstuvwxyz',
    'Kq3vXz8RmT0pLw5Yb',
  ])
    expect(() => loadConfig({ ADMIN_TOKEN: weak }), weak).toThrow(/ADMIN_TOKEN .* 128 bits .*randomBytes/);
  expect(tokenBits('hall2025')).toBeLessThan(64);
});

test('PUBLIC_URL defaults to a LAN address or, failing that, localhost; never with a trailing slash', () => {
  expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000/' }).publicUrl).toBe('http://10.0.0.5:3000');
  expect(loadConfig({ PORT: '8080' }).publicUrl).toMatch(/^http:\/\/[^/]+:8080$/);
});

test('DATABASE_URL selects PostgreSQL; unset or empty is SQLite; anything but a postgres:// URL is refused', () => {
  expect(loadConfig({}).databaseUrl).toBeNull();
  expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  for (const url of ['postgres://u:p@127.0.0.1:5432/hallvote', 'postgresql://127.0.0.1/hallvote'])
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
});

test('NODE_ID makes a cluster node, which needs DATABASE_URL; REDIS_URL alone names the node after its host', () => {
  const db = { DATABASE_URL: 'postgres://127.0.0.1/hallvote' };
  expect(loadConfig(db)).toMatchObject({ nodeId: null, redisUrl: null });
  expect(loadConfig({ ...db, NODE_ID: 'n1' })).toMatchObject({ nodeId: 'n1', redisUrl: null });
  const linked = loadConfig({ ...db, REDIS_URL: 'redis://127.0.0.1:6379' });
  expect(linked.redisUrl).toBe('redis://127.0.0.1:6379');
  expect(linked.nodeId).toMatch(/^[A-Za-z0-9_.-]+-\d+$/);
  expect(() => loadConfig({ NODE_ID: 'n1' })).toThrow(/DATABASE_URL/);
  expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1' })).toThrow(/DATABASE_URL/);
  expect(() => loadConfig({ ...db, REDIS_URL: 'http://x' })).toThrow(/redis:\/\//);
  expect(() => loadConfig({ ...db, NODE_ID: 'n 1; drop' })).toThrow(/NODE_ID/);
});

test('TRUST_PROXY lists proxies by address, range or name; unset or empty trusts none; anything else is refused', () => {
  expect(loadConfig({}).trustProxy).toBeNull();
  expect(loadConfig({ TRUST_PROXY: ' ' }).trustProxy).toBeNull();
  expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/24,192.168.1.5' }).trustProxy).toEqual([
    'loopback',
    '10.0.0.0/24',
    '192.168.1.5',
  ]);
  expect(() => loadConfig({ TRUST_PROXY: 'haproxy.local' })).toThrow(/TRUST_PROXY/);
  expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
});
