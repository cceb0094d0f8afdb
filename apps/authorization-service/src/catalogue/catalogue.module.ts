import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordsModule } from '../../../../libs/read-models/src/records/records.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { GetCatalogueController } from './get-catalogue/get-catalogue.controller.js';
import { ListVersionsController } from './list-versions/list-versions.controller.js';
import { RecordPolicyReviewController } from './record-policy-review/record-policy-review.controller.js';
import { RecordPolicyReviewHandler } from './record-policy-review/record-policy-review.handler.js';

const CATALOGUE_CONTROLLERS = [GetCatalogueController, ListVersionsController, RecordPolicyReviewController];
const CATALOGUE_HANDLERS = [RecordPolicyReviewHandler];

/** The policy itself (SPEC §11): the catalogue, its versions and the policy's periodic reviews. */
@Module({ imports: [CqrsModule, QueriesModule, RecordsModule, SupervisionModule], controllers: CATALOGUE_CONTROLLERS, providers: CATALOGUE_HANDLERS })
export class CatalogueModule {}
