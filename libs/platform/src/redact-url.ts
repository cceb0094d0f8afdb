/** Store URLs as they may be printed: never with a credential (start-up lines, banners, configuration errors). */
const SECRET_PARAMETER = /pass|secret|token|key/i;

/** `postgres://authz:s3cret@h/db?sslpassword=x` → `postgres://authz:***@h/db?sslpassword=***`. */
export function redactUrl(raw: string): string {
  if (raw.startsWith('pglite://')) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
  if (url.password) url.password = '***';
  for (const key of [...url.searchParams.keys()]) if (SECRET_PARAMETER.test(key)) url.searchParams.set(key, '***');
  return url.toString();
}
