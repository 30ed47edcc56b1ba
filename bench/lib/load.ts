/** autocannon, programmatically: N connections for D seconds over a list of GET paths or prepared requests. */
import autocannon, { type Request } from 'autocannon';
import { cpuOf } from './child.ts';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Of errors, requests autocannon gave up on (no answer within its 10 s timeout). */
  timeouts: number;
  /** Slowest request. */
  max: number;
}

/** A load run and the server's CPU time per request during it (µs, from /proc/<pid>/stat). */
export type MeasuredLoad = LoadResult & { cpuUs: number };

/** GET paths, or autocannon requests (a POST with a body, a `setupRequest` that signs each one). */
export type LoadRequests = readonly string[] | readonly Request[];

export async function load(url: string, requests: LoadRequests, connections: number, seconds: number): Promise<LoadResult> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: requests.map((q) => (typeof q === 'string' ? { method: 'GET' as const, path: q } : q)),
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    max: r.latency.max,
  };
}

/** A 1 s warm-up (JIT, the server's caches), then the measured run with the server's CPU per request. */
export async function measuredLoad(server: { url: string; pid: number }, requests: LoadRequests, connections: number, seconds: number): Promise<MeasuredLoad> {
  await load(server.url, requests, connections, 1);
  const cpu = cpuOf(server.pid);
  const r = await load(server.url, requests, connections, seconds);
  return { ...r, cpuUs: ((cpuOf(server.pid) - cpu) * 1e6) / r.requests };
}
