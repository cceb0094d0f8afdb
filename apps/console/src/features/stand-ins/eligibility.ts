/**
 * Who may stand in for whom (SPEC §11): same role or higher in agent < supervisor < manager <
 * executive; tech_support and compliance only for their own role. The server decides
 * (STAND_IN_NOT_ELIGIBLE); the picker only offers the people it would accept.
 */
const ORDER = ['agent', 'supervisor', 'manager', 'executive'];

export function mayStandIn(absentRole: string, standInRole: string): boolean {
  const absent = ORDER.indexOf(absentRole);
  const standIn = ORDER.indexOf(standInRole);
  if (absent === -1 || standIn === -1) return absentRole === standInRole;
  return standIn >= absent;
}
