import { DomainError } from './errors.js';
import { finalApprovalRequired, validateScope } from './scope.js';
import { catalogue } from './testing/default-catalogue.js';

const compensation = catalogue.matters['compensation.issue']!;
const feeWaive = catalogue.matters['fee.waive']!;
const scheduleAdjust = catalogue.matters['team.schedule.adjust']!;
const dataExport = catalogue.matters['customer.data.export']!;

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SCOPE_INVALID');
    return error as DomainError;
  }
  throw new Error('expected SCOPE_INVALID');
}

describe('validateScope', () => {
  it('accepts maxAmount alone and with a subset of channels', () => {
    expect(validateScope(compensation, { maxAmount: 800 })).toEqual({ maxAmount: 800 });
    expect(validateScope(compensation, { maxAmount: 1, channels: ['phone', 'email'] })).toEqual({ maxAmount: 1, channels: ['phone', 'email'] });
    expect(validateScope(compensation, { maxAmount: 100000 })).toEqual({ maxAmount: 100000 });
  });

  it('accepts no scope for a matter that takes none', () => {
    expect(validateScope(scheduleAdjust, {})).toEqual({});
    expect(validateScope(scheduleAdjust, undefined)).toEqual({});
  });

  it.each<[string, unknown, string]>([
    ['maxAmount missing', { channels: ['phone'] }, 'scope.maxAmount'],
    ['maxAmount not an integer', { maxAmount: 10.5 }, 'scope.maxAmount'],
    ['maxAmount a string', { maxAmount: '800' }, 'scope.maxAmount'],
    ['maxAmount zero', { maxAmount: 0 }, 'scope.maxAmount'],
    ['maxAmount above 100000', { maxAmount: 100001 }, 'scope.maxAmount'],
    ['an unknown key', { maxAmount: 5, currency: 'CNY' }, 'scope.currency'],
    ['empty channels', { maxAmount: 5, channels: [] }, 'scope.channels'],
    ['channels not an array', { maxAmount: 5, channels: 'phone' }, 'scope.channels'],
    ['a duplicate channel', { maxAmount: 5, channels: ['chat', 'chat'] }, 'scope.channels[1]'],
    ['an unknown channel', { maxAmount: 5, channels: ['fax'] }, 'scope.channels[0]'],
    ['an array', [1], 'scope'],
  ])('refuses %s for compensation.issue', (_name, scope, field) => {
    expect(Object.keys(refusal(() => validateScope(compensation, scope)).details ?? {})).toEqual([field]);
  });

  it.each([[{ maxAmount: 5 }, 'scope.maxAmount'], [{ channels: ['phone'] }, 'scope.channels']])(
    'refuses any scope for a matter that takes none (%j)',
    (scope, field) => {
      expect(Object.keys(refusal(() => validateScope(scheduleAdjust, scope)).details ?? {})).toEqual([field]);
    },
  );
});

describe('finalApprovalRequired', () => {
  it('follows the maxAmountAbove threshold', () => {
    expect(finalApprovalRequired(compensation, { maxAmount: 2000 })).toBe(false);
    expect(finalApprovalRequired(compensation, { maxAmount: 2001 })).toBe(true);
    expect(finalApprovalRequired(feeWaive, { maxAmount: 1000 })).toBe(false);
    expect(finalApprovalRequired(feeWaive, { maxAmount: 1001 })).toBe(true);
  });

  it('is always for major matters and never for the others', () => {
    expect(finalApprovalRequired(dataExport, {})).toBe(true);
    expect(finalApprovalRequired(scheduleAdjust, {})).toBe(false);
  });
});
