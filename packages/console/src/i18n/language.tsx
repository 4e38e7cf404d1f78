import type { Language } from '@ward/protocol';
import type { ReactNode } from 'react';
import { createContext, useContext, useEffect } from 'react';
import type { Catalogue } from './catalogue.ts';

/** The console's language (issue 13, ADR 51): the signed-in member of staff's choice, English before sign-in. */
const LanguageContext = createContext<Language>('en');

/** The `lang` of the page: Welsh, or British English as index.html starts. */
export const htmlLang = (language: Language) => (language === 'cy' ? 'cy' : 'en-GB');

export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = htmlLang(language);
  }, [language]);
  return <LanguageContext value={language}>{children}</LanguageContext>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** An area's texts in the console's language. */
export function useTexts<Texts>(catalogue: Catalogue<Texts>): Texts {
  return catalogue[useLanguage()];
}
