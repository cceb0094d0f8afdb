import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, unwrap } from '../../api/client';
import { appointStandInControllerAppoint, endStandInControllerEnd } from '../../api/generated/sdk.gen';
import type { AppointStandInDto } from '../../api/generated/types.gen';

/** Naming and ending a stand-in answer the employee's directory entry: it replaces the cached one. */
export function useStandInCommands(employeeId: string) {
  const client = useQueryClient();
  const settle = async () => client.invalidateQueries({ queryKey: ['employee', employeeId] });
  const appoint = useMutation({
    mutationFn: (body: AppointStandInDto) => unwrap(appointStandInControllerAppoint({ path: { id: employeeId }, body, headers: { 'Idempotency-Key': idempotencyKey() } })),
    onSettled: settle,
  });
  const end = useMutation({
    mutationFn: (standInId: string) => unwrap(endStandInControllerEnd({ path: { id: employeeId, standInId } })),
    onSettled: settle,
  });
  return { appoint, end };
}
