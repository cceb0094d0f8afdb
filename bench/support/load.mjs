// autocannon runs with precise (float ms) latencies collected from its 'response' events.
import autocannon from 'autocannon';
import { round, Samples } from './stats.mjs';

/**
 * One autocannon run. `requests`: autocannon request objects cycled per connection.
 * Returns { rps, p50, p90, p99, max (ms, float), total, non2xx, errors, timeouts }.
 */
export async function cannon({ url, connections = 16, duration = 10, headers = {}, requests }) {
  const samples = new Samples();
  const instance = autocannon({ url, connections, duration, headers, requests });
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(ms);
  });
  const result = await instance;
  const latency = samples.summary();
  return {
    rps: round(result.requests.average, 0),
    total: result.requests.total,
    p50: round(latency.p50, 3),
    p90: round(latency.p90, 3),
    p99: round(latency.p99, 3),
    max: round(latency.max, 3),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
