import { Module } from '@nestjs/common';

/** The decision log (checks with `"record": true`), GET /v1/decisions, spot-check samples and KPIs. */
@Module({})
export class DecisionsModule {}
