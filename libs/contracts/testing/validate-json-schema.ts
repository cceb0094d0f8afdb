/**
 * A tiny validator for the subset of JSON Schema 2020-12 that libs/contracts/schemas uses
 * (type, required, properties, additionalProperties:false, enum, const, items, uniqueItems,
 * minimum, minLength, anyOf, format date-time, local $ref). Tests only: no dependency needed.
 */
type Schema = Readonly<Record<string, unknown>>;

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function validateJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (schema: Schema): Schema => {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
    return resolve(node as Schema);
  };
  const check = (raw: Schema, v: unknown, path: string): void => {
    const schema = resolve(raw);
    const anyOf = schema['anyOf'] as Schema[] | undefined;
    if (anyOf && !anyOf.some((s) => { const before = errors.length; check(s, v, path); const ok = errors.length === before; errors.length = before; return ok; })) {
      errors.push(`${path}: matches none of anyOf`);
    }
    const type = schema['type'] as string | string[] | undefined;
    if (type !== undefined) {
      const allowed = Array.isArray(type) ? type : [type];
      const actual = typeOf(v);
      if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
        errors.push(`${path}: expected ${allowed.join('|')}, got ${actual}`);
        return;
      }
    }
    if ('const' in schema && schema['const'] !== v) errors.push(`${path}: expected const ${JSON.stringify(schema['const'])}`);
    const en = schema['enum'] as unknown[] | undefined;
    if (en && !en.includes(v)) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if (typeof v === 'string') {
      const minLength = schema['minLength'];
      if (typeof minLength === 'number' && v.length < minLength) errors.push(`${path}: shorter than ${minLength}`);
      if (schema['format'] === 'date-time' && !ISO_INSTANT.test(v)) errors.push(`${path}: not a date-time`);
    }
    if (typeof v === 'number' && typeof schema['minimum'] === 'number' && v < schema['minimum']) errors.push(`${path}: below minimum`);
    if (Array.isArray(v)) {
      const items = schema['items'] as Schema | undefined;
      if (items) v.forEach((item, i) => check(items, item, `${path}[${i}]`));
      if (schema['uniqueItems'] === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${path}: items not unique`);
    }
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const key of (schema['required'] ?? []) as string[]) if (!(key in object)) errors.push(`${path}.${key}: required`);
      for (const [key, item] of Object.entries(object)) {
        const propertySchema = properties[key];
        if (propertySchema) check(propertySchema, item, `${path}.${key}`);
        else if (schema['additionalProperties'] === false) errors.push(`${path}.${key}: not allowed`);
      }
    }
  };
  check(root, value, '$');
  return errors;
}
