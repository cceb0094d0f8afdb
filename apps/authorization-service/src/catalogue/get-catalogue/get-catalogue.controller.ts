import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalogue } from '../../../../../libs/domain/src/index.js';
import { CATALOGUE } from '../../../../../libs/platform/src/index.js';
import { ApiAnswers } from '../../http/openapi.js';
import { CATALOGUE as CATALOGUE_SCHEMA } from '../catalogue.schemas.js';
import { type CatalogueView, catalogueView } from '../catalogue-view.js';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('v1/catalogue')
export class GetCatalogueController {
  private readonly view: CatalogueView;

  constructor(@Inject(CATALOGUE) catalogue: Catalogue) {
    this.view = catalogueView(catalogue);
  }

  @Get()
  @ApiOperation({ summary: 'The authority catalogue in force: every authority and matter with names, roles, scope, validity, final-approval rule, training (any authenticated principal)' })
  @ApiAnswers({ status: 200, description: 'The catalogue', schema: CATALOGUE_SCHEMA })
  get(): CatalogueView {
    return this.view;
  }
}
