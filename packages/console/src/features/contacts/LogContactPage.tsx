import type { IntakeResponse } from '@ward/protocol';
import { limits } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { logContact } from '../../api/contacts.ts';
import { messageOf } from '../../api/errors.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link, useSearchParam } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { DatePart } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { useCaseOptions } from '../cases/use-case-options.ts';
import { DepartmentSelect, IntakeConfirmation, QuotedReference, ResidentFields, residentIds, TopicSelect, WhenFields } from './ContactFields.tsx';
import { nowTyped } from './contact-time.ts';
import type { ContactAnswers, ContactField } from './validate-contact.ts';
import { validateLoggedContact } from './validate-contact.ts';

const ids: Record<ContactField, string> = { ...residentIds, channel: 'contact-channel', summary: 'contact-summary', date: 'contact-when-date', time: 'contact-when-time' };
const order: ContactField[] = ['channel', 'date', 'time', 'departmentId', 'summary', 'name', 'email', 'phone', 'caseReference'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function blank(recordId: string | null): ContactAnswers {
  const now = nowTyped(new Date());
  return { channel: '', summary: '', date: now.date, time: now.time, departmentId: '', topic: '', name: '', email: '', phone: '', caseReference: '', recordId };
}

/** Staff log a telephone call or a visit; from a record's page (`?recordId=`), on that record. */
export function LogContactPage() {
  const typedRecordId = useSearchParam('recordId');
  const recordId = typedRecordId && uuidPattern.test(typedRecordId) ? typedRecordId : null;
  const options = useCaseOptions();
  const [answers, setAnswers] = useState<ContactAnswers>(() => blank(recordId));
  const [errors, setErrors] = useState<FieldErrors<ContactField>>({});
  const [dateParts, setDateParts] = useState<DatePart[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IntakeResponse | null>(null);
  const change = (part: Partial<ContactAnswers>) => setAnswers((current) => ({ ...current, ...part }));

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
    const check = validateLoggedContact(answers, new Date());
    setErrors(check.errors);
    setDateParts(check.dateParts);
    setFormError(null);
    setAttempt((value) => value + 1);
    if (!check.body) return;
    setBusy(true);
    try {
      setResult(await logContact(check.body));
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
        title="Contact logged"
        result={result}
        againText="Log another contact"
        again={() => {
          setResult(null);
          setAnswers(blank(recordId));
        }}
      />
    );
  }

  return (
    <>
      <Link className="govuk-back-link" href={recordId ? pathTo(paths.record, { recordId }) : paths.cases}>
        {recordId ? 'Back to the record' : 'Back to cases'}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <PageTitle title="Log a phone call or visit" hasErrors={summary.length > 0} />
          <p className="govuk-body">Log a contact the resident made by telephone or in person, so it is on their record with its own case reference.</p>
          <form noValidate onSubmit={handleSubmit}>
            <Radios<'phone' | 'face-to-face'>
              id={ids.channel}
              legend="How did the resident contact the council?"
              legendClassName="govuk-fieldset__legend--m"
              items={[
                { value: 'phone', label: 'Telephone' },
                { value: 'face-to-face', label: 'Face to face' },
              ]}
              value={answers.channel}
              onValueChange={(channel) => change({ channel })}
              error={errors.channel}
            />
            <WhenFields
              id="contact-when"
              legend="When was the contact?"
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
            <Textarea
              id={ids.summary}
              label="Summary of the contact"
              labelClassName="govuk-label--s"
              hint={`What the resident asked for and what you told them. Card numbers, bank details and National Insurance numbers are removed. Up to ${limits.summaryMaxChars} characters.`}
              rows={5}
              value={answers.summary}
              onValueChange={(text) => change({ summary: text })}
              error={errors.summary}
            />
            {recordId ? (
              <div className="govuk-inset-text">
                The contact will be logged on{' '}
                <Link className="govuk-link" href={pathTo(paths.record, { recordId })}>
                  the resident’s record
                </Link>
                .
              </div>
            ) : (
              <ResidentFields legend="The resident’s details" answers={answers} errors={errors} onChange={change} />
            )}
            <QuotedReference value={answers.caseReference} onChange={(caseReference) => change({ caseReference })} error={errors.caseReference} />
            <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
              Log contact
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
