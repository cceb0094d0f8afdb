import { ApproveAuthorizationDto } from '../approve-authorization/approve-authorization.dto.js';

/** The executive's final approval takes the same decision and signed opinion as the manager's. */
export class FinalApproveAuthorizationDto extends ApproveAuthorizationDto {}
