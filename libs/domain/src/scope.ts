/**
 * Scope of a grant (SPEC §3): validation against the matter's rule. Whether a scope covers a check's
 * context is `scopeVerdict` (authorization/grant-verdict.ts), the domain's one scope rule.
 */
import type { MatterPolicy } from './catalogue/catalogue.js';
import { DomainError } from './errors.js';
import type { Scope } from './events.js';
import type { Channel } from './ids.js';

const invalid = (field: string, problem: string): DomainError =>
  new DomainError('SCOPE_INVALID', `scope.${field}: ${problem}`, { [`scope.${field}`]: problem });

function validateMaxAmount(policy: MatterPolicy, value: unknown): number {
  const rule = policy.scope.maxAmount;
  if (!rule) throw invalid('maxAmount', `not allowed for ${policy.id}`);
  if (value === undefined) throw invalid('maxAmount', `required for ${policy.id}`);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid('maxAmount', 'must be an integer');
  if (value < rule.min || value > rule.max) {
    throw invalid('maxAmount', `must be within ${rule.min}..${rule.max} ${rule.currency}`);
  }
  return value;
}

function validateChannels(policy: MatterPolicy, value: unknown): readonly Channel[] {
  const allowed = policy.scope.channels;
  if (!allowed) throw invalid('channels', `not allowed for ${policy.id}`);
  if (!Array.isArray(value)) throw invalid('channels', 'must be an array');
  if (value.length === 0) throw invalid('channels', 'must not be empty (omit it for every channel)');
  value.forEach((channel: unknown, index) => {
    if (typeof channel !== 'string' || !(allowed as readonly string[]).includes(channel)) {
      throw invalid(`channels[${index}]`, `must be one of ${allowed.join(', ')}`);
    }
    if (value.indexOf(channel) !== index) throw invalid(`channels[${index}]`, `duplicate ${channel}`);
  });
  return value as Channel[];
}

/** Returns the scope as the matter allows it, or throws `SCOPE_INVALID` naming the field. */
export function validateScope(policy: MatterPolicy, scope: unknown): Scope {
  const given = scope === undefined || scope === null ? {} : scope;
  if (typeof given !== 'object' || Array.isArray(given)) throw new DomainError('SCOPE_INVALID', 'scope: must be an object', { scope: 'must be an object' });
  const raw = given as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (key !== 'maxAmount' && key !== 'channels') throw invalid(key, 'unknown key');
  }
  const needsAmount = policy.scope.maxAmount !== undefined;
  const maxAmount = needsAmount || raw.maxAmount !== undefined ? validateMaxAmount(policy, raw.maxAmount) : undefined;
  const channels = raw.channels !== undefined ? validateChannels(policy, raw.channels) : undefined;
  return { ...(maxAmount !== undefined ? { maxAmount } : {}), ...(channels ? { channels: [...channels] } : {}) };
}

/** What a check tells about the act: the amount and the channel, as far as the caller gives them. */
export interface CheckContext {
  readonly amount?: number;
  readonly channel?: string;
}

/** Whether the catalogue asks an executive to approve this matter with this scope. */
export function finalApprovalRequired(policy: MatterPolicy, scope: Scope): boolean {
  const rule = policy.finalApproval;
  switch (rule.kind) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'maxAmountAbove':
      return (scope.maxAmount ?? 0) > rule.threshold;
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}
