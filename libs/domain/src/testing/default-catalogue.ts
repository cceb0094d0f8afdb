/** The shipped default catalogue, parsed, for specs. */
import { parseCatalogue } from '../catalogue/parse-catalogue.js';

const file = await import('../../catalogue/default-catalogue.json', { with: { type: 'json' } });

/** A fresh deep copy of the file's JSON, safe to mutate in a test. */
export const defaultCatalogueJson = (): Record<string, unknown> => JSON.parse(JSON.stringify(file.default)) as Record<string, unknown>;
export const catalogue = parseCatalogue(defaultCatalogueJson(), 'sha256:test');
