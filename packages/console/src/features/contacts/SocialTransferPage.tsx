import type { IntakeResponse, SocialPlatform } from '@ward/protocol';
import { intakeTextMaxChars, SocialPlatform as SocialPlatforms } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { transferSocialRequest } from '../../api/contacts.ts';
import { messageOf } from '../../api/errors.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea, TextInput } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import type { DatePart } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { platformNames } from '../cases/case-wording.ts';
import { useCaseOptions } from '../cases/use-case-options.ts';
import { DepartmentSelect, IntakeConfirmation, QuotedReference, ResidentFields, residentIds, TopicSelect, WhenFields } from './ContactFields.tsx';
import type { SocialAnswers, SocialField } from './validate-contact.ts';
import { validateSocialTransfer } from './validate-contact.ts';

const ids: Record<SocialField, string> = { ...residentIds, platform: 'social-platform', handle: 'social-handle', request: 'social-request', date: 'social-when-date', time: 'social-when-time' };
const order: SocialField[] = ['platform', 'handle', 'request', 'date', 'time', 'departmentId', 'name', 'email', 'phone', 'caseReference'];

const blank = (): SocialAnswers => ({
  platform: '', handle: '', request: '', date: { day: '', month: '', year: '' }, time: '', departmentId: '', topic: '', name: '', email: '', phone: '', caseReference: '',
});

/** Staff move a request received on a social-media platform into Ward, as a case on a record (issue 4). */
export function SocialTransferPage() {
  const options = useCaseOptions();
  const [answers, setAnswers] = useState<SocialAnswers>(blank);
  const [errors, setErrors] = useState<FieldErrors<SocialField>>({});
  const [dateParts, setDateParts] = useState<DatePart[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IntakeResponse | null>(null);
  const change = (part: Partial<SocialAnswers>) => setAnswers((current) => ({ ...current, ...part }));

  const summary = [
    ...(formError ? [{ text: formError }] : []),
    ...order.flatMap((field) => {
      const text = errors[field];
      if (!text) return [];
      return [{ fieldId: field === 'date' ? `${ids.date}-${dateParts[0] ?? 'day'}` : ids[field], text }];
    }),
  ];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const check = validateSocialTransfer(answers, new Date());
    setErrors(check.errors);
    setDateParts(check.dateParts);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (!check.body) return;
    setBusy(true);
    try {
      setResult(await transferSocialRequest(check.body));
    } catch (error) {
      setFormError(messageOf(error));
      setAttempt((value) => value + 1);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <IntakeConfirmation
        title="Request transferred"
        result={result}
        againText="Transfer another request"
        again={() => {
          setResult(null);
          setAnswers(blank());
        }}
      />
    );
  }

  return (
    <>
      <Link className="govuk-back-link" href={paths.cases}>
        Back to cases
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <PageTitle title="Transfer a social-media request" hasErrors={summary.length > 0} />
          <p className="govuk-body">
            Move a request a resident made on a social-media platform into Ward. From then on it is treated like any other contact, with its own case reference.
          </p>
          <form noValidate onSubmit={handleSubmit}>
            <Select
              id={ids.platform}
              label="Platform"
              labelClassName="govuk-label--s"
              options={[{ value: '', text: 'Select a platform' }, ...SocialPlatforms.options.map((p) => ({ value: p, text: platformNames[p] }))]}
              value={answers.platform}
              onValueChange={(platform) => change({ platform: platform as SocialPlatform | '' })}
              error={errors.platform}
            />
            <TextInput
              id={ids.handle}
              label="The resident’s handle or profile name"
              labelClassName="govuk-label--s"
              hint="For example, @resident or the name on their profile"
              autoComplete="off"
              spellCheck={false}
              value={answers.handle}
              onValueChange={(handle) => change({ handle })}
              error={errors.handle}
            />
            <Textarea
              id={ids.request}
              label="The request"
              labelClassName="govuk-label--s"
              hint={`Copy it as the resident wrote it. Card numbers, bank details and National Insurance numbers are removed. Up to ${intakeTextMaxChars} characters.`}
              rows={6}
              value={answers.request}
              onValueChange={(request) => change({ request })}
              error={errors.request}
            />
            <WhenFields
              id="social-when"
              legend="When was the request received?"
              date={answers.date}
              time={answers.time}
              onDateChange={(part, value) => change({ date: { ...answers.date, [part]: value } })}
              onTimeChange={(time) => change({ time })}
              dateError={errors.date}
              dateParts={dateParts}
              timeError={errors.time}
            />
            <TopicSelect options={options} value={answers.topic} onChange={change} />
            <DepartmentSelect options={options} value={answers.departmentId} onChange={(departmentId) => change({ departmentId })} error={errors.departmentId} />
            <ResidentFields legend="The resident’s details, if they gave them" answers={answers} errors={errors} onChange={change} />
            <QuotedReference value={answers.caseReference} onChange={(caseReference) => change({ caseReference })} error={errors.caseReference} />
            <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
              Transfer request
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
