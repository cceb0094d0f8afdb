/**
 * Validates a catalogue file (already JSON-parsed) into a `Catalogue`. Hashing the file is the
 * caller's job: the domain does no I/O, so the content hash arrives as `version`.
 */
import { ROLES, type Role } from '../ids.js';
import type { Catalogue, DisplayNames, MatterPolicy } from './catalogue.js';
import { CatalogueError } from './catalogue-error.js';
import { readArray, readDistinct, readId, readNames, readObject, readString } from './catalogue-reader.js';
import { parseMatter, readDepartment, readRole } from './parse-matter.js';

interface RoleEntry {
  readonly names: DisplayNames;
  readonly inherits: Role | null;
  readonly authorities: readonly string[];
}

function parseRoles(value: unknown): Record<Role, RoleEntry> {
  const raw = readObject(value, 'roles', ROLES);
  const entries = {} as Record<Role, RoleEntry>;
  for (const role of ROLES) {
    const path = `roles.${role}`;
    if (raw[role] === undefined) throw new CatalogueError(path, 'missing (every role must be listed, even with no authorities)');
    const entry = readObject(raw[role], path, ['names', 'inherits', 'authorities']);
    const inherits = entry.inherits === undefined || entry.inherits === null ? null : readRole(entry.inherits, `${path}.inherits`);
    entries[role] = {
      names: readNames(entry.names, `${path}.names`),
      inherits,
      authorities: readDistinct(entry.authorities, `${path}.authorities`, readId),
    };
  }
  return entries;
}

function resolveBaselines(roles: Record<Role, RoleEntry>): Record<Role, readonly string[]> {
  const resolved = {} as Record<Role, readonly string[]>;
  const resolve = (role: Role, chain: readonly Role[]): readonly string[] => {
    const known = resolved[role];
    if (known) return known;
    if (chain.includes(role)) throw new CatalogueError(`roles.${role}.inherits`, `inheritance cycle ${[...chain, role].join(' → ')}`);
    const entry = roles[role];
    const inherited = entry.inherits === null ? [] : resolve(entry.inherits, [...chain, role]);
    const all = [...new Set([...inherited, ...entry.authorities])];
    resolved[role] = all;
    return all;
  };
  for (const role of ROLES) resolve(role, []);
  return resolved;
}

function parseAuthorities(value: unknown): Map<string, DisplayNames> {
  const authorities = new Map<string, DisplayNames>();
  readArray(value, 'authorities').forEach((item, index) => {
    const raw = readObject(item, `authorities[${index}]`, ['id', 'names', 'description']);
    const id = readId(raw.id, `authorities[${index}].id`);
    if (authorities.has(id)) throw new CatalogueError(`authorities.${id}`, 'duplicate id');
    authorities.set(id, readNames(raw.names, `authorities.${id}.names`));
  });
  return authorities;
}

/** `departments: [{id, names}]` (optional): the names of the departments copies go to, by slug. */
function parseDepartments(value: unknown): Record<string, { names: DisplayNames }> {
  const departments: Record<string, { names: DisplayNames }> = Object.create(null) as Record<string, { names: DisplayNames }>;
  readArray(value, 'departments').forEach((item, index) => {
    const raw = readObject(item, `departments[${index}]`, ['id', 'names', 'description']);
    const id = readDepartment(raw.id, `departments[${index}].id`);
    if (departments[id]) throw new CatalogueError(`departments.${id}`, 'duplicate id');
    departments[id] = { names: readNames(raw.names, `departments.${id}.names`) };
  });
  return departments;
}

/** Throws `CatalogueError` naming the first offending entry. */
export function parseCatalogue(json: unknown, version: string): Catalogue {
  const root = readObject(json, 'catalogue', ['description', 'roles', 'authorities', 'matters', 'departments']);
  readString(version, 'version');
  const roles = parseRoles(root.roles);
  const baselineNames = parseAuthorities(root.authorities);
  // Null-prototype tables: they are indexed by request input (`matter: "constructor"` finds nothing).
  const matters: Record<string, MatterPolicy> = Object.create(null) as Record<string, MatterPolicy>;
  readArray(root.matters, 'matters').forEach((item, index) => {
    const matter = parseMatter(item, index);
    if (matters[matter.id]) throw new CatalogueError(`matters.${matter.id}`, 'duplicate id');
    if (baselineNames.has(matter.id)) throw new CatalogueError(`matters.${matter.id}`, 'id also listed in authorities (define it once)');
    matters[matter.id] = matter;
  });
  const authorities: Record<string, { names: DisplayNames }> = Object.create(null) as Record<string, { names: DisplayNames }>;
  for (const [id, names] of baselineNames) authorities[id] = { names };
  for (const matter of Object.values(matters)) authorities[matter.id] = { names: matter.names };
  for (const role of ROLES) {
    roles[role].authorities.forEach((id, index) => {
      if (!authorities[id]) throw new CatalogueError(`roles.${role}.authorities[${index}]`, `unknown authority "${id}"`);
    });
  }
  const roleNames = {} as Record<Role, DisplayNames>;
  for (const role of ROLES) roleNames[role] = roles[role].names;
  const departments = root.departments === undefined ? {} : { departments: parseDepartments(root.departments) };
  return { version, authorities, baselines: resolveBaselines(roles), matters, roleNames, ...departments };
}
