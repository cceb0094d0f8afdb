import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Catalogue, CatalogueError, parseCatalogue } from '../../domain/src/index.js';
import { canonicalJson } from '../../contracts/src/canonical-json.js';
import { ConfigError } from './config.js';

/** The catalogue shipped with the service (copied next to the compiled code by the build). */
export const DEFAULT_CATALOGUE_FILE = fileURLToPath(new URL('../../domain/catalogue/default-catalogue.json', import.meta.url));

/**
 * Loads and validates a catalogue file. Its version is the sha256 of its canonical JSON, so
 * reformatting the file does not change the version but any change of content does.
 */
export function loadCatalogue(file: string | null = null): Catalogue {
  const path = file ?? DEFAULT_CATALOGUE_FILE;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    throw new ConfigError('POLICY_FILE', `cannot read catalogue ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const version = `sha256:${createHash('sha256').update(canonicalJson(json)).digest('hex')}`;
  try {
    return parseCatalogue(json, version);
  } catch (error: unknown) {
    if (error instanceof CatalogueError) throw new ConfigError('POLICY_FILE', `invalid catalogue ${path}: ${error.message}`);
    throw error;
  }
}

export const CATALOGUE = Symbol('CATALOGUE');
