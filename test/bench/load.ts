// Load on loopback with autocannon, bounded by time (throughput) or by count (holds).
import autocannon, { type Request, type Result } from 'autocannon';

export interface Throughput {
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

function summary(result: Result): Throughput {
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * GETs `url` from `connections` connections for `seconds`, after a one-second warm-up (JIT,
 * caches); with `path`, each request asks for the path it returns instead.
 */
export async function throughput(url: string, { connections = 10, seconds = 6, path }: { connections?: number; seconds?: number; path?: () => string } = {}): Promise<Throughput> {
  const requests = path ? [{ setupRequest: (request: Request) => ({ ...request, path: path() }) }] : undefined;
  await autocannon({ url, connections, duration: 1, requests });
  return summary(await autocannon({ url, connections, duration: seconds, requests }));
}

export interface Burst {
  statuses: Map<number, number>;
  /** 201s per second, from the first request to the last 201. */
  holdsPerSec: number;
  /** All answers per second over the whole burst. */
  attemptsPerSec: number;
  p99: number;
  errors: number;
  seconds: number;
}

/** POSTs `amount` requests from `connections` connections, each body made by `body()`. */
export async function burst(url: string, body: () => string, { connections = 100, amount = 2_500, maxSeconds = 30 } = {}): Promise<Burst> {
  const statuses = new Map<number, number>();
  const started = performance.now();
  let lastCreated = started;
  const instance = autocannon({
    url,
    connections,
    amount,
    timeout: 20,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  instance.on('response', (_client: unknown, status: number) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === 201) lastCreated = performance.now();
  });
  const guard = setTimeout(() => instance.stop(), maxSeconds * 1000);
  const result = await instance;
  clearTimeout(guard);
  const seconds = (performance.now() - started) / 1000;
  const created = statuses.get(201) ?? 0;
  return {
    statuses,
    holdsPerSec: created / Math.max(0.001, (lastCreated - started) / 1000),
    attemptsPerSec: result.requests.total / seconds,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    seconds,
  };
}
