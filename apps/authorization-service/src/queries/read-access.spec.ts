import type { EmployeeSnapshot, StandInPeriod } from '../../../../libs/domain/src/index.js';
import type { DirectoryService } from '../directory/directory.service.js';
import type { AppliedState } from '../workflow/authorization-runner.js';
import { ReadAccess } from './read-access.js';

const HOUR = 60 * 60 * 1000;
const running = (standInId: string): StandInPeriod => ({ standInId, from: new Date(Date.now() - HOUR).toISOString(), until: new Date(Date.now() + HOUR).toISOString(), reason: null });
const over = (standInId: string): StandInPeriod => ({ standInId, from: new Date(Date.now() - 2 * HOUR).toISOString(), until: new Date(Date.now() - HOUR).toISOString(), reason: null });

const person = (employeeId: string, role: EmployeeSnapshot['role'], reportsTo: string | null, standIns: StandInPeriod[] = []): EmployeeSnapshot => ({
  employeeId, name: employeeId, role, team: null, reportsTo, department: null, left: false, trainings: [], standIns,
});

/** A directory of these entries; `absentFor` answers what the stand-in read model would (every row naming the stand-in), the rules decide. */
function accessWith(entries: EmployeeSnapshot[]): ReadAccess {
  const byId = new Map(entries.map((entry) => [entry.employeeId, entry]));
  const directory = {
    snapshot: async (id: string) => byId.get(id) ?? null,
    absentFor: async (standInId: string) => entries.filter((entry) => (entry.standIns ?? []).some((period) => period.standInId === standInId)),
  } as unknown as DirectoryService;
  return new ReadAccess(directory);
}

const pendingReviewOf = (applicantId: string): AppliedState => ({ applicantId, status: 'pending_review' }) as unknown as AppliedState;
const as = (id: string) => ({ kind: 'employee' as const, id });

describe('ReadAccess.requireAuthorizationReader with stand-ins (代理人)', () => {
  it("lets the stand-in read what the absent supervisor reads by duty while the period runs", async () => {
    const access = accessWith([person('S01', 'supervisor', 'M01', [running('S02')]), person('S02', 'supervisor', 'M01'), person('E101', 'agent', 'S01')]);
    await expect(access.requireAuthorizationReader(as('S02'), pendingReviewOf('E101'))).resolves.toBeUndefined();
  });

  it('refuses once the period is over, outside the absent person’s duties, on their own application, and to a role that may not stand in', async () => {
    const ended = accessWith([person('S01', 'supervisor', 'M01', [over('S02')]), person('S02', 'supervisor', 'M01'), person('E101', 'agent', 'S01')]);
    await expect(ended.requireAuthorizationReader(as('S02'), pendingReviewOf('E101'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ' });
    const access = accessWith([person('S01', 'supervisor', 'M01', [running('S02'), running('E201')]), person('S02', 'supervisor', 'M01'), person('E201', 'agent', 'S02'), person('E101', 'agent', 'S01'), person('E301', 'agent', 'S03')]);
    await expect(access.requireAuthorizationReader(as('S02'), pendingReviewOf('E301'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ' });
    await expect(access.requireAuthorizationReader(as('S02'), pendingReviewOf('S01'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ' });
    await expect(access.requireAuthorizationReader(as('E201'), pendingReviewOf('E101'))).rejects.toMatchObject({ code: 'NOT_ALLOWED_TO_READ' });
  });
});
