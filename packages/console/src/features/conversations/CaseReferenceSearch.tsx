import { useEffect, useState } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { navigate } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { checkCaseReference } from './validate-case-reference.ts';
import { useConversationsTexts } from './texts.ts';

const fieldId = 'case-reference';

/**
 * Finds a conversation by its case reference, checked here before asking the server. The cases
 * page reuses it to find a case on any channel (`destination` paths.case).
 */
export function CaseReferenceSearch({
  onErrorChange,
  heading,
  buttonText,
  destination = paths.conversation,
}: {
  onErrorChange: (hasError: boolean) => void;
  heading?: string;
  buttonText?: string;
  destination?: string;
}) {
  const t = useConversationsTexts();
  const [typed, setTyped] = useState('');
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit({ caseReference: fieldId }, ['caseReference']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<'caseReference'> {
    const result = checkCaseReference(typed, t.errors);
    if ('error' in result) return { errors: { caseReference: result.error } };
    return { send: async () => navigate(pathTo(destination, { caseReference: result.caseReference })) };
  }

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event, check)} role="search" aria-labelledby="find-heading">
        <h2 className="govuk-heading-m" id="find-heading">
          {heading ?? t.findAConversation}
        </h2>
        <TextInput
          id={fieldId}
          label={t.caseReference}
          hint={t.referenceHint}
          widthClassName="govuk-input--width-10"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={typed}
          onValueChange={setTyped}
          error={errors.caseReference}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {buttonText ?? t.findConversation}
        </button>
      </form>
    </>
  );
}
