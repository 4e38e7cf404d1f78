import type { Language } from '@ward/protocol/resident-rules';
import { m } from './i18n.ts';

/**
 * Each language's link, in that language (GOV.UK's language switch): the visible name with `lang`,
 * and for screen readers that name then a whole sentence, also in the language it switches to (the
 * name comes first, so voice control users can say what they see).
 */
const links = {
  cy: { name: 'Cymraeg', sentence: 'Newid iaith y sgwrs hon i’r Gymraeg', tag: 'cy' },
  en: { name: 'English', sentence: 'Change the language of this chat to English', tag: 'en-GB' },
} as const;

/** "Cymraeg" / "English" in the widget's header: the whole widget changes at once (ADR 49). */
export function LanguageSwitch({ language, onSwitch }: { language: Language; onSwitch: (next: Language) => void }) {
  const next: Language = language === 'cy' ? 'en' : 'cy';
  const link = links[next];
  const search = new URLSearchParams(location.search);
  search.set('language', next);
  return (
    <nav class="ward-language" aria-label={m.languageSwitcher}>
      <a
        class="ward-language__link"
        href={`?${search.toString()}`}
        hreflang={next}
        lang={link.tag}
        rel="alternate"
        aria-label={`${link.name}: ${link.sentence}`}
        onClick={(event) => {
          event.preventDefault();
          onSwitch(next);
        }}
      >
        {link.name}
      </a>
    </nav>
  );
}
