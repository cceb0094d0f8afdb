import { Controller, Get, Headers, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalogue } from '../../../../../libs/domain/src/index.js';
import { CATALOGUE } from '../../../../../libs/platform/src/index.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { CATALOGUE_VERSIONS } from '../catalogue.schemas.js';

export interface CatalogueVersion {
  readonly policyVersion: string;
  /** `occurredAt` of the first event carrying it; null for the version in force before any event used it. */
  readonly firstUsedAt: string | null;
  readonly current: boolean;
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('v1/catalogue/versions')
export class ListVersionsController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every catalogue version events were decided under, oldest first, and when it was first used (any authenticated principal)' })
  @ApiAnswers({ status: 200, description: 'The versions (one page)', schema: CATALOGUE_VERSIONS })
  @ApiConsistencyToken()
  async list(@Headers('x-consistency-token') token?: string): Promise<{ items: CatalogueVersion[]; nextCursor: null }> {
    const used = await (await this.consistency.recordsAt(token)).catalogueVersions();
    const items: CatalogueVersion[] = used.map((v) => ({ policyVersion: v.id, firstUsedAt: v.firstUsedAt, current: v.id === this.catalogue.version }));
    if (!items.some((v) => v.current)) items.push({ policyVersion: this.catalogue.version, firstUsedAt: null, current: true });
    return { items, nextCursor: null };
  }
}
