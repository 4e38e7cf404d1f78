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
  useEffect(
    () => () => {
      document.documentElement.lang = htmlLang(outer);
    },
    [outer],
  );
  return <LanguageProvider language={useBrowserLanguage()}>{children}</LanguageProvider>;
}
