/**
 * The languages residents are served in (issue 13): English, and Welsh for councils in Wales (Welsh
 * Language Standards). A council's own texts may be given in both; English is the fallback.
 */
export const languages = ['en', 'cy'] as const;
export type Language = (typeof languages)[number];

/** A language tag from a page's `lang`, a loader attribute or a query string; anything else is English. */
export function languageOf(tag: string | null | undefined): Language {
  return tag?.trim().toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

/** A council's text, in English only or in both languages. */
export type LocalisedText = string | { en: string; cy?: string };

/** The text in the language asked for, or its English when the council gave no Welsh. */
export function textIn(text: LocalisedText, language: Language): string {
  if (typeof text === 'string') return text;
  return (language === 'cy' ? text.cy : undefined) ?? text.en;
}
