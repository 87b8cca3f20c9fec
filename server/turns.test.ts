import { once } from 'node:events';
import net from 'node:net';
import { expect, test } from 'vitest';
import { Turns } from './turns.ts';

/** Six requests that each keep the CPU 5 ms, and a guest's new connection arriving meanwhile. */
async function connectionAmongBusyRequests(turns: Turns) {
  const log: string[] = [];
  const server = net.createServer((socket) => {
    log.push('connection');
    socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const clients: net.Socket[] = [];
  const requests = Array.from({ length: 6 }, (_, i) =>
    turns.take().then(() => {
      // The guest connects while the first request runs: the kernel has the connection ready at once.
      if (i === 0) clients.push(net.connect((server.address() as net.AddressInfo).port, '127.0.0.1').on('error', () => {}));
      const start = performance.now();
      while (performance.now() - start < 5);
      log.push(`request ${i}`);
    }),
  );
  await Promise.all([...requests, once(server, 'connection')]);
  for (const client of clients) client.destroy();
  server.close();
  return log.indexOf('connection');
}

test('a few requests run per turn of the event loop, so a new connection is accepted before the rest', async () => {
  expect(await connectionAmongBusyRequests(new Turns(2))).toBeLessThanOrEqual(4);
});

test('taking every request in one turn, the connection waits for all of them (what Turns prevents)', async () => {
  expect(await connectionAmongBusyRequests(new Turns(Number.POSITIVE_INFINITY))).toBe(6);
});
