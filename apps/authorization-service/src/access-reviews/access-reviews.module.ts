import { Module } from '@nestjs/common';
import { ProcessorHostModule, registerProcessor } from '../../../../libs/processors/src/processor-host.module.js';
import { ReadModelsModule } from '../../../../libs/read-models/src/index.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { accessReviewListProjection } from '../../../../libs/read-models/src/access-review/access-review-list.projection.js';
import { AccessReviewRunner } from './access-review-runner.js';
import { DecideAccessReviewItemController } from './decide-access-review-item/decide-access-review-item.controller.js';
import { ReadAccessReviewsController } from './read-access-reviews/read-access-reviews.controller.js';
import { StartAccessReviewController } from './start-access-review/start-access-review.controller.js';

export const ACCESS_REVIEW_LIST_PROCESSOR = Symbol('ACCESS_REVIEW_LIST_PROCESSOR');

const ACCESS_REVIEW_CONTROLLERS = [StartAccessReviewController, ReadAccessReviewsController, DecideAccessReviewItemController];

/** Periodic access reviews (SPEC §11): start, decide items, read progress; the scheduler closes them at dueAt. */
@Module({
  imports: [DirectoryModule, QueriesModule, ReadModelsModule, ProcessorHostModule],
  controllers: ACCESS_REVIEW_CONTROLLERS,
  providers: [AccessReviewRunner, registerProcessor(ACCESS_REVIEW_LIST_PROCESSOR, { create: () => accessReviewListProjection() })],
})
export class AccessReviewsModule {}
