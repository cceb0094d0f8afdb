export interface ReadinessResult {
  readonly ready: boolean;
  readonly position: string | null;
  readonly lagging: boolean;
}

/** A read side that reports whether it has caught up with the store's head. */
export interface ReadinessProbe {
  readonly name: string;
  check(head: string | null): ReadinessResult | Promise<ReadinessResult>;
}
export const READINESS_PROBES = Symbol('READINESS_PROBES');
