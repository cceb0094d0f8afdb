/**
 * The two languages of the service (SPEC §12) and `Accept-Language` negotiation per RFC 4647:
 * ranges are tried by quality (ties in the order sent); `zh`, `zh-Hant…`, `zh-TW`, `zh-HK` and
 * `zh-MO` pick zh-Hant, `en…` and `*` pick en, other ranges are passed over; nothing matching is en.
 */
export const LANGUAGES = ['zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_API_LANGUAGE: Language = 'en';
/** An employee who never chose is told in Traditional Chinese (SPEC §12, Settings). */
export const DEFAULT_PERSON_LANGUAGE: Language = 'zh-Hant';

export const isLanguage = (value: unknown): value is Language => value === 'zh-Hant' || value === 'en';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** The language a single range (`zh-TW`, `en-GB`, `*`) asks for, or null when it asks for neither. */
function languageOfRange(range: string): Language | null {
  const subtags = range.toLowerCase().split('-');
  const [primary, second] = subtags;
  if (primary === '*' || primary === 'en') return 'en';
  if (primary !== 'zh') return null;
  if (second === undefined || second === 'hant' || TRADITIONAL_REGIONS.has(second)) return 'zh-Hant';
  return null;
}

/** At most this many ranges are read: a longer header is someone else's problem, not a CPU cost of ours. */
const MAX_RANGES = 32;

export function negotiateLanguage(header: string | readonly string[] | undefined, fallback: Language = DEFAULT_API_LANGUAGE): Language {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (typeof text !== 'string' || text.length === 0) return fallback;
  const ranges = text
    .slice(0, 4096)
    .split(',')
    .slice(0, MAX_RANGES)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag !== '' && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const language = languageOfRange(range.tag);
    if (language !== null) return language;
  }
  return fallback;
}
