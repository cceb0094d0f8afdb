/** Who holds a grant in force for an authority now: the designee check of notice issuance. */
export interface DesignationSource {
  /** The id of a grant in force for `authority` held by `employeeId` at `at`, or null. */
  grantInForce(employeeId: string, authority: string, at: string): Promise<string | null>;
}
export const DESIGNATION_SOURCE = Symbol('DESIGNATION_SOURCE');
