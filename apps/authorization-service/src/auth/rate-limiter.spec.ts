import { rateLimitHeader, rateLimitPolicyHeader, RateLimiter, type RatePolicy } from './rate-limiter.js';

const EMPLOYEE: RatePolicy = { name: 'employee', quota: 6000, windowSeconds: 60 };
const SERVICE: RatePolicy = { name: 'service', quota: 600_000, windowSeconds: 60 };
const T0 = 1_800_000_000_000;

describe('RateLimiter', () => {
  it('allows a full budget at once, then refuses with the seconds until the cost is back', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 6000; i += 1) expect(limiter.take('E101', EMPLOYEE, T0).allowed).toBe(true);
    const refused = limiter.take('E101', EMPLOYEE, T0);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1, resetSeconds: 60 });
  });

  it('refills continuously: 100 a second for 6,000 a minute', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('E101', EMPLOYEE, T0, 6000).allowed).toBe(true);
    expect(limiter.take('E101', EMPLOYEE, T0 + 500, 51).allowed).toBe(false);
    expect(limiter.take('E101', EMPLOYEE, T0 + 500, 50)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('E101', EMPLOYEE, T0 + 60_500, 6000).allowed).toBe(true);
  });

  it('counts a request by its cost and takes nothing when it refuses', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('E101', EMPLOYEE, T0, 1000)).toMatchObject({ allowed: true, remaining: 5000, resetSeconds: 10 });
    expect(limiter.take('E101', EMPLOYEE, T0, 5001)).toMatchObject({ allowed: false, remaining: 5000, retryAfterSeconds: 1 });
    expect(limiter.take('E101', EMPLOYEE, T0, 5000)).toMatchObject({ allowed: true, remaining: 0 });
    // 3,000 checks at 100 a second: 30 s
    expect(limiter.take('E101', EMPLOYEE, T0, 3000)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
  });

  it('keeps one bucket per key: one caller using up its budget does not affect another', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('E101', EMPLOYEE, T0, 6000).allowed).toBe(true);
    expect(limiter.take('E101', EMPLOYEE, T0).allowed).toBe(false);
    expect(limiter.take('E102', EMPLOYEE, T0).allowed).toBe(true);
  });

  it('lets a service ask 2,000 times a second for a minute, counted, without a refusal', () => {
    const limiter = new RateLimiter();
    let refused = 0;
    // 120,000 checks, 2 every millisecond for 60 s of simulated time
    for (let ms = 0; ms < 60_000; ms += 1) {
      for (let i = 0; i < 2; i += 1) if (!limiter.take('svc:crm', SERVICE, T0 + ms).allowed) refused += 1;
    }
    expect(refused).toBe(0);
    // and the same rate on the employee budget is refused after 6,000 (plus the refill)
    let employeeRefused = 0;
    for (let ms = 0; ms < 60_000; ms += 1) {
      for (let i = 0; i < 2; i += 1) if (!limiter.take('E101', EMPLOYEE, T0 + ms).allowed) employeeRefused += 1;
    }
    expect(employeeRefused).toBeGreaterThanOrEqual(120_000 - 6000 - 6000 - 1);
  });

  it('never counts time backwards (a clock step back does not mint tokens)', () => {
    const limiter = new RateLimiter();
    expect(limiter.take('E101', EMPLOYEE, T0, 6000).allowed).toBe(true);
    expect(limiter.take('E101', EMPLOYEE, T0 - 60_000).allowed).toBe(false);
  });

  it('renders the ratelimit-headers draft fields as structured fields', () => {
    const limiter = new RateLimiter();
    expect(rateLimitPolicyHeader(SERVICE)).toBe('"service";q=600000;w=60');
    expect(rateLimitHeader(limiter.take('svc:crm', SERVICE, T0, 1000))).toBe('"service";r=599000;t=1');
    expect(rateLimitHeader(limiter.take('E101', EMPLOYEE, T0, 6000))).toBe('"employee";r=0;t=60');
  });
});
