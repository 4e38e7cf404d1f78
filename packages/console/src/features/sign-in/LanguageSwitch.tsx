import { languages, type Language } from '@ward/protocol';
import { useLanguage } from '../../i18n/language.tsx';
import { chooseBrowserLanguage } from '../../ui/browser-language.ts';
import { useSignInTexts } from './texts.ts';

/** Each language named in itself, with its own `lang`, so a screen reader says it rightly. */
const ownNames: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };
const ownLang: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

/**
 * English / Cymraeg before sign-in (ADR 51): kept in this browser; once signed in, the member of
 * staff's own choice (their Account page) wins.
 */
export function LanguageSwitch() {
  const current = useLanguage();
  return (
    <nav aria-label={useSignInTexts().languageSwitch}>
      <p className="govuk-body">
        {languages.map((language, index) => (
          <span key={language}>
            {index > 0 ? ' | ' : null}
            {language === current ? (
              <strong aria-current="true" lang={ownLang[language]}>
                {ownNames[language]}
              </strong>
            ) : (
              <button
                type="button"
                className="ward-link-button"
                lang={ownLang[language]}
                onClick={() => chooseBrowserLanguage(language)}
              >
                {ownNames[language]}
              </button>
            )}
          </span>
        ))}
      </p>
    </nav>
  );
}
