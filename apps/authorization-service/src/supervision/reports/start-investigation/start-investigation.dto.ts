import { EmptyBodyDto } from '../../../shared/validators.js';

/** `{}`: the investigator is the caller. */
export class StartInvestigationDto extends EmptyBodyDto {}
