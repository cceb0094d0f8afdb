import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ProcessorHostModule, registerProcessor } from '../../../../libs/processors/src/processor-host.module.js';
import { standInsProjection } from '../../../../libs/read-models/src/stand-in/stand-ins.projection.js';
import { PermissionIndexModule } from '../checks/permission-index.module.js';
import { AppointStandInController } from './appoint-stand-in/appoint-stand-in.controller.js';
import { AppointStandInHandler } from './appoint-stand-in/appoint-stand-in.handler.js';
import { DirectoryService } from './directory.service.js';
import { EndStandInController } from './end-stand-in/end-stand-in.controller.js';
import { EndStandInHandler } from './end-stand-in/end-stand-in.handler.js';
import { EmployeeRunner } from './employee-runner.js';
import { GetEmployeeController } from './get-employee/get-employee.controller.js';
import { RecordDepartureController } from './record-departure/record-departure.controller.js';
import { RecordDepartureHandler } from './record-departure/record-departure.handler.js';
import { RegisterEmployeeController } from './register-employee/register-employee.controller.js';
import { RegisterEmployeeHandler } from './register-employee/register-employee.handler.js';
import { SearchEmployeesController } from './search-employees/search-employees.controller.js';
import { UpdateEmployeeController } from './update-employee/update-employee.controller.js';
import { UpdateEmployeeHandler } from './update-employee/update-employee.handler.js';

const DIRECTORY_CONTROLLERS = [
  RegisterEmployeeController,
  UpdateEmployeeController,
  RecordDepartureController,
  SearchEmployeesController,
  GetEmployeeController,
  AppointStandInController,
  EndStandInController,
];
const DIRECTORY_HANDLERS = [RegisterEmployeeHandler, UpdateEmployeeHandler, RecordDepartureHandler, AppointStandInHandler, EndStandInHandler];

/** Who stands in for whom (read by the workflow's stand-in acts and by the worklist). */
export const STAND_INS_PROCESSOR = Symbol('STAND_INS_PROCESSOR');

/** The employee directory: register, update, departures, and the lookups every other area makes. */
@Module({
  imports: [CqrsModule, PermissionIndexModule, ProcessorHostModule],
  controllers: DIRECTORY_CONTROLLERS,
  providers: [DirectoryService, EmployeeRunner, ...DIRECTORY_HANDLERS, registerProcessor(STAND_INS_PROCESSOR, { create: () => standInsProjection() })],
  exports: [DirectoryService, EmployeeRunner],
})
export class DirectoryModule {}
