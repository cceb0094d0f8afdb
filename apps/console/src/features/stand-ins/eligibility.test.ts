import { describe, expect, it } from 'vitest';
import { mayStandIn } from './eligibility';

describe('who may stand in', () => {
  it('takes the same role or higher in the line of command', () => {
    expect(mayStandIn('supervisor', 'supervisor')).toBe(true);
    expect(mayStandIn('supervisor', 'manager')).toBe(true);
    expect(mayStandIn('supervisor', 'agent')).toBe(false);
    expect(mayStandIn('manager', 'supervisor')).toBe(false);
  });

  it('lets technical support and compliance stand in only for their own role', () => {
    expect(mayStandIn('compliance', 'compliance')).toBe(true);
    expect(mayStandIn('compliance', 'executive')).toBe(false);
    expect(mayStandIn('agent', 'tech_support')).toBe(false);
    expect(mayStandIn('tech_support', 'manager')).toBe(false);
  });
});
