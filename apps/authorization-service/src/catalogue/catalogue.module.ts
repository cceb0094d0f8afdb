import { Module } from '@nestjs/common';
import { GetCatalogueController } from './get-catalogue/get-catalogue.controller.js';

const CATALOGUE_CONTROLLERS = [GetCatalogueController];

/** The policy itself (SPEC §11): the catalogue, its versions and the policy's periodic reviews. */
@Module({ controllers: CATALOGUE_CONTROLLERS })
export class CatalogueModule {}
