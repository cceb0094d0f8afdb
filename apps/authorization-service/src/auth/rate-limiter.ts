/** One budget: `quota` units per `windowSeconds`, named as it appears in `RateLimit-Policy`. */
export interface RatePolicy {
  readonly name: string;
  readonly quota: number;
  readonly windowSeconds: number;
}

/** What one `take` decided, with what the client needs to pace itself. */
export interface RateDecision {
  readonly allowed: boolean;
  readonly policy: RatePolicy;
  /** Whole units left after this request. */
  readonly remaining: number;
  /** Seconds until the budget is whole again. */
  readonly resetSeconds: number;
  /** Seconds until this request's cost would be available; 0 when allowed. */
  readonly retryAfterSeconds: number;
}

const MAX_BUCKETS = 100_000;

/**
 * A token bucket per key: a policy's `quota` units at most, refilled continuously at
 * quota / window. In-process, per replica; the caller chooses the key and the policy.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Takes `cost` units from `key`'s bucket under `policy`; refuses (and takes nothing) when they are not there. */
  take(key: string, policy: RatePolicy, now: number, cost = 1): RateDecision {
    const perMs = policy.quota / (policy.windowSeconds * 1000);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      bucket = { tokens: policy.quota, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(policy.quota, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    const allowed = bucket.tokens >= cost;
    if (allowed) bucket.tokens -= cost;
    return {
      allowed,
      policy,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil((policy.quota - bucket.tokens) / perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((cost - bucket.tokens) / perMs / 1000)),
    };
  }
}

/** `RateLimit-Policy` (IETF httpapi ratelimit-headers draft): `"name";q=quota;w=window`. */
export const rateLimitPolicyHeader = (policy: RatePolicy): string => `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`;

/** `RateLimit` (same draft): `"name";r=remaining;t=seconds-until-whole`. */
export const rateLimitHeader = (decision: RateDecision): string => `"${decision.policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`;
