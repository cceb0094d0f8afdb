import { Module } from '@nestjs/common';

/** Supervision and assessment (SPEC §10): reports, inspections, escalations, feedback, trainings, assessments, suggestions. */
@Module({})
export class SupervisionModule {}
