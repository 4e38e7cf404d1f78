import { languageOf, type Language } from '@ward/protocol';

/**
 * Which language a page is served in (ADR 50): `?lang=cy` or `?lang=en` when the link or form
 * says so, else the first of English or Welsh in the browser's `Accept-Language` (by its weights),
 * else English.
 */
export function chooseLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  const asked = askedLanguage(query);
  if (asked) return asked;
  const preferred = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .map((item, index) => {
      const [tag = '', ...params] = item.trim().split(';');
      const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
      return { tag: tag.trim().toLowerCase(), q: weight === undefined ? 1 : Number(weight), index };
    })
    .filter(({ tag, q }) => q > 0 && (tag === 'cy' || tag.startsWith('cy-') || tag === 'en' || tag.startsWith('en-')))
    .sort((a, b) => b.q - a.q || a.index - b.index)[0];
  return preferred ? languageOf(preferred.tag) : 'en';
}

/** The language a link or form asked for with `?lang=`, if it did. */
export function askedLanguage(query: unknown): Language | null {
  const asked = typeof query === 'string' ? query.trim().toLowerCase() : null;
  return asked === 'cy' || asked === 'en' ? asked : null;
}
