/**
 * `describe` when `condition` holds, else `describe.skip` so jest reports the suite as skipped
 * (never as passed), and says why on stderr.
 */
export const describeIf = (condition: boolean, reason: string): jest.Describe => {
  if (condition) return describe;
  // Written to stderr directly: jest drops console output of a file whose tests all skipped.
  process.stderr.write(`\nSKIPPED: ${reason}\n`);
  return describe.skip;
};
