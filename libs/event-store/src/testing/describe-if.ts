/**
 * `describe` when `condition` holds, else `describe.skip` so jest reports the suite as skipped
 * (never as passed), and says why on stderr.
 */
export const describeIf = (condition: boolean, reason: string): jest.Describe => {
  if (condition) return describe;
  console.warn(`SKIPPED: ${reason}`);
  return describe.skip;
};
