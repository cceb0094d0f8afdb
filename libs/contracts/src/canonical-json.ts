/**
 * Part of the audit export's wire format (SPEC §7): `hash = sha256(prevHash + canonicalJson(entry))`.
 * Canonical JSON for hashing: object keys sorted recursively (by UTF-16 code units), no
 * whitespace, `undefined` members dropped as JSON.stringify does. Equal data ⇒ equal text.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
};
