import { Module, type Provider } from '@nestjs/common';
import { EMPLOYEE_STATUS_SOURCE } from '../directory/directory.service.js';
import { DESIGNATION_SOURCE } from '../workflow/designation-source.js';
import { PermissionIndexService } from './permission-index.service.js';

/**
 * The in-memory permission index alone, so the directory (employee status) and the workflow
 * (designations) can read it without importing the check routes, which need them in turn.
 */
const PERMISSION_INDEX_PROVIDERS: Provider[] = [
  PermissionIndexService,
  { provide: EMPLOYEE_STATUS_SOURCE, useExisting: PermissionIndexService },
  { provide: DESIGNATION_SOURCE, useExisting: PermissionIndexService },
];

@Module({
  providers: PERMISSION_INDEX_PROVIDERS,
  exports: [PermissionIndexService, EMPLOYEE_STATUS_SOURCE, DESIGNATION_SOURCE],
})
export class PermissionIndexModule {}
