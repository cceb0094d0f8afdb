/** Validation of one grantable matter of the catalogue file. */
import { CHANNELS, ROLES, type Channel, type Role } from '../ids.js';
import type { CopyRule, FinalApprovalRule, MatterPolicy, MatterScopeRule } from './catalogue.js';
import { isDepartment } from '../authorization/copies.js';
import { CatalogueError } from './catalogue-error.js';
import { readDistinct, readId, readNames, readObject, readPositiveInteger, readString } from './catalogue-reader.js';

const MATTER_KEYS = ['id', 'names', 'eligibleRoles', 'scope', 'maxValidityDays', 'finalApproval', 'trainingRequired', 'copies', 'stageDueHours', 'description'];

/** SPEC §11: a stage is due after 48 hours unless the matter says otherwise. */
export const DEFAULT_STAGE_DUE_HOURS = 48;

/** A positive number of hours, fractions allowed (at most a year). */
function readDueHours(value: unknown, path: string): number {
  if (value === undefined) return DEFAULT_STAGE_DUE_HOURS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 8784) throw new CatalogueError(path, 'must be a positive number of hours (at most 8784)');
  return value;
}

export const readRole = (value: unknown, path: string): Role => {
  const role = readString(value, path);
  if (!(ROLES as readonly string[]).includes(role)) throw new CatalogueError(path, `unknown role "${role}"`);
  return role as Role;
};

const readChannel = (value: unknown, path: string): Channel => {
  const channel = readString(value, path);
  if (!(CHANNELS as readonly string[]).includes(channel)) throw new CatalogueError(path, `unknown channel "${channel}"`);
  return channel as Channel;
};

function readScopeRule(value: unknown, path: string): MatterScopeRule {
  const scope = readObject(value, path, ['maxAmount', 'channels']);
  let maxAmount: MatterScopeRule['maxAmount'];
  if (scope.maxAmount !== undefined) {
    const bounds = readObject(scope.maxAmount, `${path}.maxAmount`, ['min', 'max', 'currency']);
    const min = readPositiveInteger(bounds.min, `${path}.maxAmount.min`);
    const max = readPositiveInteger(bounds.max, `${path}.maxAmount.max`);
    if (max < min) throw new CatalogueError(`${path}.maxAmount.max`, `must not be below min (${min})`);
    const currency = readString(bounds.currency, `${path}.maxAmount.currency`);
    if (!/^[A-Z]{3}$/.test(currency)) throw new CatalogueError(`${path}.maxAmount.currency`, 'must be an ISO-4217 code');
    maxAmount = { min, max, currency };
  }
  let channels: readonly Channel[] | undefined;
  if (scope.channels !== undefined) {
    channels = readDistinct(scope.channels, `${path}.channels`, readChannel);
    if (channels.length === 0) throw new CatalogueError(`${path}.channels`, 'must not be empty');
  }
  return { ...(maxAmount ? { maxAmount } : {}), ...(channels ? { channels } : {}) };
}

function readFinalApproval(value: unknown, path: string, scope: MatterScopeRule): FinalApprovalRule {
  const rule = readObject(value, path, ['kind', 'threshold']);
  switch (rule.kind) {
    case 'never':
    case 'always':
      if (rule.threshold !== undefined) throw new CatalogueError(`${path}.threshold`, `not allowed for kind "${rule.kind}"`);
      return { kind: rule.kind };
    case 'maxAmountAbove': {
      if (!scope.maxAmount) throw new CatalogueError(path, 'maxAmountAbove needs scope.maxAmount');
      const threshold = readPositiveInteger(rule.threshold, `${path}.threshold`);
      return { kind: 'maxAmountAbove', threshold };
    }
    default:
      throw new CatalogueError(`${path}.kind`, 'must be "never", "always" or "maxAmountAbove"');
  }
}

export const readDepartment = (value: unknown, path: string): string => {
  const department = readString(value, path);
  if (!isDepartment(department)) throw new CatalogueError(path, `"${department}" is not a lower-case department slug`);
  return department;
};

function readCopyRule(value: unknown, path: string): CopyRule {
  const rule = readObject(value, path, ['required', 'default']);
  const list = (key: 'required' | 'default'): readonly string[] =>
    rule[key] === undefined ? [] : readDistinct(rule[key], `${path}.${key}`, readDepartment);
  return { required: list('required'), default: list('default') };
}

/** Reads `matters[index]`; paths after the id name the matter (`matters.fee.waive.maxValidityDays`). */
export function parseMatter(value: unknown, index: number): MatterPolicy {
  const id = readId(readObject(value, `matters[${index}]`, Object.keys(value ?? {})).id, `matters[${index}].id`);
  const path = `matters.${id}`;
  const raw = readObject(value, path, MATTER_KEYS);
  const eligibleRoles = readDistinct(raw.eligibleRoles, `${path}.eligibleRoles`, readRole);
  if (eligibleRoles.length === 0) throw new CatalogueError(`${path}.eligibleRoles`, 'must name at least one role');
  if (raw.scope === undefined) throw new CatalogueError(`${path}.scope`, 'required ({} for a matter without scope)');
  const scope = readScopeRule(raw.scope, `${path}.scope`);
  const trainingRequired =
    raw.trainingRequired === undefined ? [] : readDistinct(raw.trainingRequired, `${path}.trainingRequired`, readString);
  return {
    id,
    names: readNames(raw.names, `${path}.names`),
    eligibleRoles,
    scope,
    maxValidityDays: readPositiveInteger(raw.maxValidityDays, `${path}.maxValidityDays`),
    finalApproval: readFinalApproval(raw.finalApproval, `${path}.finalApproval`, scope),
    trainingRequired,
    ...(raw.copies === undefined ? {} : { copies: readCopyRule(raw.copies, `${path}.copies`) }),
    stageDueHours: readDueHours(raw.stageDueHours, `${path}.stageDueHours`),
  };
}
