import { Module, type Provider } from '@nestjs/common';
import { ProcessorHostModule, registerProcessor } from '../../../../libs/processors/src/processor-host.module.js';
import { EMPLOYEE_STATUS_SOURCE } from '../directory/directory.service.js';
import { DESIGNATION_SOURCE } from '../workflow/designation-source.js';
import { PermissionIndexService } from './permission-index.service.js';

export const PERMISSION_INDEX_PROCESSOR = Symbol('PERMISSION_INDEX_PROCESSOR');

/**
 * The in-memory permission index alone, so the directory (employee status) and the workflow
 * (designations) can read it without importing the check routes, which need them in turn. The
 * index is a memory projection of the process's processor host.
 */
const PERMISSION_INDEX_PROVIDERS: Provider[] = [
  PermissionIndexService,
  { provide: EMPLOYEE_STATUS_SOURCE, useExisting: PermissionIndexService },
  { provide: DESIGNATION_SOURCE, useExisting: PermissionIndexService },
  registerProcessor(PERMISSION_INDEX_PROCESSOR, { inject: [PermissionIndexService], create: (index: PermissionIndexService) => index.processor() }),
];

@Module({
  imports: [ProcessorHostModule],
  providers: PERMISSION_INDEX_PROVIDERS,
  exports: [PermissionIndexService, EMPLOYEE_STATUS_SOURCE, DESIGNATION_SOURCE],
})
export class PermissionIndexModule {}
