import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { htmlLang, LanguageProvider, useLanguage } from '../i18n/language.tsx';
import { useBrowserLanguage } from './browser-language.ts';

/**
 * The sign-in page, frame and all, in this browser's language (ADR 51): nobody is known yet.
 * Leaving it gives the page back the console's language (the member of staff's, once signed in).
 */
export function PreSignInLanguage({ children }: { children: ReactNode }) {
  const outer = useLanguage();
  const language = useBrowserLanguage();
  useEffect(() => {
    // The console's provider, above this one, sets the page's lang after this one's effects when
    // both change at once (signing out): so this one's is set just after the effects have run.
    let current = true;
    queueMicrotask(() => {
      if (current) document.documentElement.lang = htmlLang(language);
    });
    return () => {
      current = false;
      document.documentElement.lang = htmlLang(outer);
    };
  }, [outer, language]);
  return <LanguageProvider language={language}>{children}</LanguageProvider>;
}
