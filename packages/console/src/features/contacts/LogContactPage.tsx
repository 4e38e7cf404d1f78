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
import { useContactsTexts } from './texts.ts';

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
  const t = useContactsTexts();
  const form = useContactForm({
    blank: () => blank(recordId),
    ids,
    order,
    validate: (answers: ContactAnswers, now: Date) => validateLoggedContact(answers, now, t),
    send: logContact,
  });
  const { answers, errors, change } = form;

  return (
    <ContactFormPage
      form={form}
      back={
        recordId
          ? { href: pathTo(paths.record, { recordId }), text: t.backToRecord }
          : { href: paths.cases, text: t.backToCases }
      }
      title={t.logTitle}
      intro={t.logIntro}
      submitText={t.logContact}
      confirmationTitle={t.contactLogged}
      againText={t.logAnother}
    >
      <Radios<'phone' | 'face-to-face'>
        id={ids.channel}
        legend={t.howContacted}
        legendClassName="govuk-fieldset__legend--m"
        items={[
          { value: 'phone', label: t.telephone },
          { value: 'face-to-face', label: t.faceToFace },
        ]}
        value={answers.channel}
        onValueChange={(channel) => change({ channel })}
        error={errors.channel}
      />
      <WhenFields id="contact-when" legend={t.whenContact} {...form.when} />
      <TopicSelect options={options} value={answers.topic} onChange={change} />
      <DepartmentSelect
        options={options}
        value={answers.departmentId}
        onChange={(departmentId) => change({ departmentId })}
        error={errors.departmentId}
      />
      <Textarea
        id={ids.summary}
        label={t.contactSummary}
        labelClassName="govuk-label--s"
        hint={t.contactSummaryHint}
        rows={5}
        value={answers.summary}
        onValueChange={(text) => change({ summary: text })}
        error={errors.summary}
      />
      {recordId ? (
        <div className="govuk-inset-text">
          {t.loggedOn}{' '}
          <Link className="govuk-link" href={pathTo(paths.record, { recordId })}>
            {t.residentsRecord}
          </Link>
          .
        </div>
      ) : (
        <ResidentFields legend={t.residentsDetails} answers={answers} errors={errors} onChange={change} />
      )}
      <QuotedReference
        value={answers.caseReference}
        onChange={(caseReference) => change({ caseReference })}
        error={errors.caseReference}
      />
    </ContactFormPage>
  );
}
