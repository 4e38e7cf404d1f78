import { limits } from '@ward/protocol';
import { logContact } from '../../api/contacts.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link, useSearchParam } from '../../router.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { useCaseOptions } from '../cases/use-case-options.ts';
import { ContactFormPage } from './ContactFormPage.tsx';
import {
  DepartmentSelect,
  QuotedReference,
  ResidentFields,
  residentIds,
  TopicSelect,
  WhenFields,
} from './ContactFields.tsx';
import { nowTyped } from './contact-time.ts';
import type { ContactAnswers, ContactField } from './validate-contact.ts';
import { validateLoggedContact } from './validate-contact.ts';
import { useContactForm } from './use-contact-form.ts';

const ids: Record<ContactField, string> = {
  ...residentIds,
  channel: 'contact-channel',
  summary: 'contact-summary',
  date: 'contact-when-date',
  time: 'contact-when-time',
};
const order: ContactField[] = [
  'channel',
  'date',
  'time',
  'departmentId',
  'summary',
  'name',
  'email',
  'phone',
  'caseReference',
];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function blank(recordId: string | null): ContactAnswers {
  const now = nowTyped(new Date());
  return {
    channel: '',
    summary: '',
    date: now.date,
    time: now.time,
    departmentId: '',
    topic: '',
    name: '',
    email: '',
    phone: '',
    caseReference: '',
    recordId,
  };
}

/** Staff log a telephone call or a visit; from a record's page (`?recordId=`), on that record. */
export function LogContactPage() {
  const typedRecordId = useSearchParam('recordId');
  const recordId = typedRecordId && uuidPattern.test(typedRecordId) ? typedRecordId : null;
  const options = useCaseOptions();
  const form = useContactForm({
    blank: () => blank(recordId),
    ids,
    order,
    validate: validateLoggedContact,
    send: logContact,
  });
  const { answers, errors, change } = form;

  return (
    <ContactFormPage
      form={form}
      back={
        recordId
          ? { href: pathTo(paths.record, { recordId }), text: 'Back to the record' }
          : { href: paths.cases, text: 'Back to cases' }
      }
      title="Log a phone call or visit"
      intro="Log a contact the resident made by telephone or in person, so it is on their record with its own case reference."
      submitText="Log contact"
      confirmationTitle="Contact logged"
      againText="Log another contact"
    >
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
      <WhenFields id="contact-when" legend="When was the contact?" {...form.when} />
      <TopicSelect options={options} value={answers.topic} onChange={change} />
      <DepartmentSelect
        options={options}
        value={answers.departmentId}
        onChange={(departmentId) => change({ departmentId })}
        error={errors.departmentId}
      />
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
      <QuotedReference
        value={answers.caseReference}
        onChange={(caseReference) => change({ caseReference })}
        error={errors.caseReference}
      />
    </ContactFormPage>
  );
}
