import type { Language } from '@ward/protocol';
import { useState } from 'react';
import { chooseConsoleLanguage } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { htmlLang } from '../../i18n/language.tsx';
import { useSession, useStaff } from '../../session/session.tsx';
import { Radios } from '../../ui/Field.tsx';
import { useAccountTexts } from './texts.ts';

/** Each language by its own name, marked as that language, as GOV.UK's language switch does. */
const choices = [
  { value: 'en', label: 'English', lang: htmlLang('en') },
  { value: 'cy', label: 'Cymraeg', lang: htmlLang('cy') },
] as const;

/**
 * The member of staff's choice of console language (ADR 51), saved on their account: the whole
 * console changes at once, and stays so when they sign in again anywhere.
 */
export function LanguageForm({ onSaved }: { onSaved: () => void }) {
  const staff = useStaff();
  const { updateStaff } = useSession();
  const texts = useAccountTexts();
  const [choice, setChoice] = useState<Language>(staff.language);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      updateStaff(await chooseConsoleLanguage(choice));
      onSaved();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Radios
        id="console-language"
        legend={texts.languageLegend}
        hint={texts.languageHint}
        error={problem ?? undefined}
        items={choices.map((item) => ({ ...item }))}
        value={choice}
        onValueChange={setChoice}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {texts.saveLanguage}
      </button>
    </form>
  );
}
