import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool.ts';
import { createOutboundPolicy } from './outbound-policy.ts';

let server: Server;
const accepted: Socket[] = [];
let url: URL;

beforeAll(async () => {
  server = createServer((socket) => accepted.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
});
afterAll(() => {
  for (const socket of accepted) socket.destroy();
  return new Promise((resolve) => server.close(resolve));
});

const pool = (maxIdle: number) =>
  new ConnectionPool({ policy: createOutboundPolicy({ allowedHosts: ['127.0.0.1'], allowHttp: true }), clock: () => new Date(), maxIdle });

describe('the connection pool', () => {
  it('gives a released connection to the next lease of the same key, and a new one to another key', async () => {
    const connections = pool(10);
    const first = connections.lease();
    const socket = await first.acquire(url, 'alice', 1_000);
    first.release();
    const second = connections.lease();
    expect(await second.acquire(url, 'alice', 1_000)).toBe(socket);
    const other = connections.lease();
    expect(await other.acquire(url, 'bob', 1_000)).not.toBe(socket);
    second.release();
    other.release();
    connections.close();
    expect(socket.socket.destroyed).toBe(true);
  });

  it('holds one connection per lease: a lease switching keys gives the first back', async () => {
    const connections = pool(10);
    const lease = connections.lease();
    const alice = await lease.acquire(url, 'alice', 1_000);
    await lease.acquire(url, 'bob', 1_000);
    expect(connections.takeIdle('alice')).toBe(alice);
    connections.close();
  });

  it('caps the idle connections, closing the oldest (one per mailbox with mailbox credentials)', async () => {
    const connections = pool(2);
    const opened = [];
    for (const key of ['a', 'b', 'c']) {
      const lease = connections.lease();
      opened.push(await lease.acquire(url, key, 1_000));
      lease.release();
    }
    expect(opened[0]?.socket.destroyed).toBe(true);
    expect(connections.takeIdle('a')).toBeNull();
    expect(connections.takeIdle('c')).toBe(opened[2]);
    connections.close();
    expect(accepted.length).toBeGreaterThanOrEqual(3);
  });
});
