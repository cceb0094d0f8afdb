import { EmptyBodyDto } from '../../shared/validators.js';

/** The acknowledgement carries no fields: the signature is the authenticated applicant's act. */
export class AcknowledgeNoticeDto extends EmptyBodyDto {}
