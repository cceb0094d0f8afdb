/** A catalogue file that cannot be used. `path` names the offending entry, e.g. `matters.fee.waive.maxValidityDays`. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
