/** Flat rendering of KPIs for the CLI: one row per employee, as CSV (RFC 4180) or an aligned table. */
import type { EmployeeKpis } from './kpi.compute.js';

export const KPI_COLUMNS = [
  'employeeId',
  'team',
  'period',
  'recorded',
  'allowed',
  'accuracy',
  'outOfScope',
  'escalated',
  'escalations',
  'meanResolutionHours',
  'substantiatedViolations',
  'csatMean',
  'csatCount',
  'inspections',
  'compliantShare',
  'teamwork',
  'byReason',
] as const;

const cell = (value: number | string | null): string => (value === null ? '' : String(value));

export const kpiRow = (k: EmployeeKpis): string[] => [
  k.employeeId,
  cell(k.team),
  k.period,
  cell(k.decisions.recorded),
  cell(k.decisions.allowed),
  cell(k.decisions.accuracy),
  cell(k.outOfScope.attempts),
  cell(k.outOfScope.escalated),
  cell(k.escalations.raised),
  cell(k.escalations.meanResolutionHours),
  cell(k.substantiatedViolations),
  cell(k.customerSatisfaction.mean),
  cell(k.customerSatisfaction.count),
  cell(k.inspections.count),
  cell(k.inspections.compliantShare),
  cell(k.teamwork),
  Object.entries(k.decisions.byReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason}:${n}`)
    .join(' '),
];

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export const kpisToCsv = (kpis: readonly EmployeeKpis[]): string =>
  [[...KPI_COLUMNS], ...kpis.map(kpiRow)].map((row) => row.map(csvField).join(',')).join('\n') + '\n';

export const kpisToTable = (kpis: readonly EmployeeKpis[]): string => {
  const rows = [[...KPI_COLUMNS], ...kpis.map(kpiRow)];
  const widths = KPI_COLUMNS.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((value, i) => value.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
};
