import { EmptyBodyDto } from '../../shared/validators.js';

/** Withdrawal carries no fields: only the applicant may withdraw, before the notice is issued. */
export class WithdrawApplicationDto extends EmptyBodyDto {}
