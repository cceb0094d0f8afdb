/** A small call center and helpers shared by the domain specs. */
import type { EmployeeSnapshot } from '../commands.js';
import type { Role } from '../ids.js';

export const employee = (employeeId: string, role: Role, reportsTo: string | null, extra: Partial<EmployeeSnapshot> = {}): EmployeeSnapshot => ({
  employeeId,
  name: employeeId,
  role,
  team: role === 'agent' || role === 'supervisor' ? 'team-a' : null,
  reportsTo,
  department: 'call-center',
  left: false,
  trainings: [],
  ...extra,
});

/** E1 agent → S1 supervisor → M1 manager; M2 a second manager; X1/X2 executives; T1 tech support. */
export const people = {
  agent: employee('E1', 'agent', 'S1'),
  agent2: employee('E2', 'agent', 'S1'),
  supervisor: employee('S1', 'supervisor', 'M1'),
  manager: employee('M1', 'manager', null),
  manager2: employee('M2', 'manager', null),
  executive: employee('X1', 'executive', null),
  executive2: employee('X2', 'executive', null),
  tech: employee('T1', 'tech_support', 'M1'),
  compliance: employee('C1', 'compliance', null),
} as const;

export const left = (snapshot: EmployeeSnapshot): EmployeeSnapshot => ({ ...snapshot, left: true });

const DAY = 24 * 60 * 60 * 1000;
export const T0 = '2025-01-01T00:00:00.000Z';
/** `T0` plus days (fractions allowed), as an ISO instant. */
export const day = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();
