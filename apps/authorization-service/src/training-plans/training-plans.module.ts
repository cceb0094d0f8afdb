import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordsModule } from '../../../../libs/read-models/src/records/records.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { GetTrainingPlanController } from './get-training-plan/get-training-plan.controller.js';
import { PublishTrainingPlanController } from './publish-training-plan/publish-training-plan.controller.js';
import { PublishTrainingPlanHandler } from './publish-training-plan/publish-training-plan.handler.js';
import { RecordAttendanceController } from './record-attendance/record-attendance.controller.js';
import { RecordAttendanceHandler } from './record-attendance/record-attendance.handler.js';

const TRAINING_PLAN_CONTROLLERS = [PublishTrainingPlanController, GetTrainingPlanController, RecordAttendanceController];
const TRAINING_PLAN_HANDLERS = [PublishTrainingPlanHandler, RecordAttendanceHandler];

/** The annual training plan (培訓計劃, SPEC §11): courses, sessions, lecturers and attendance. */
@Module({ imports: [CqrsModule, QueriesModule, RecordsModule, SupervisionModule], controllers: TRAINING_PLAN_CONTROLLERS, providers: TRAINING_PLAN_HANDLERS })
export class TrainingPlansModule {}
