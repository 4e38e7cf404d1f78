import type { SocialPlatform } from '@ward/protocol';
import { intakeTextMaxChars, socialPlatforms } from '@ward/protocol';
import { transferSocialRequest } from '../../api/contacts.ts';
import { paths } from '../../route-match.ts';
import { Textarea, TextInput } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { platformNames } from '../cases/case-wording.ts';
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
import type { SocialAnswers, SocialField } from './validate-contact.ts';
import { validateSocialTransfer } from './validate-contact.ts';
import { useContactForm } from './use-contact-form.ts';

const ids: Record<SocialField, string> = {
  ...residentIds,
  platform: 'social-platform',
  handle: 'social-handle',
  request: 'social-request',
  date: 'social-when-date',
  time: 'social-when-time',
};
const order: SocialField[] = [
  'platform',
  'handle',
  'request',
  'date',
  'time',
  'departmentId',
  'name',
  'email',
  'phone',
  'caseReference',
];

const blank = (): SocialAnswers => ({
  platform: '',
  handle: '',
  request: '',
  date: { day: '', month: '', year: '' },
  time: '',
  departmentId: '',
  topic: '',
  name: '',
  email: '',
  phone: '',
  caseReference: '',
});

/** Staff move a request received on a social-media platform into Ward, as a case on a record (issue 4). */
export function SocialTransferPage() {
  const options = useCaseOptions();
  const form = useContactForm({ blank, ids, order, validate: validateSocialTransfer, send: transferSocialRequest });
  const { answers, errors, change } = form;

  return (
    <ContactFormPage
      form={form}
      back={{ href: paths.cases, text: 'Back to cases' }}
      title="Transfer a social-media request"
      intro="Move a request a resident made on a social-media platform into Ward. From then on it is treated like any other contact, with its own case reference."
      submitText="Transfer request"
      confirmationTitle="Request transferred"
      againText="Transfer another request"
    >
      <Select
        id={ids.platform}
        label="Platform"
        labelClassName="govuk-label--s"
        options={[
          { value: '', text: 'Select a platform' },
          ...socialPlatforms.map((p) => ({ value: p, text: platformNames[p] })),
        ]}
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
      <WhenFields id="social-when" legend="When was the request received?" {...form.when} />
      <TopicSelect options={options} value={answers.topic} onChange={change} />
      <DepartmentSelect
        options={options}
        value={answers.departmentId}
        onChange={(departmentId) => change({ departmentId })}
        error={errors.departmentId}
      />
      <ResidentFields
        legend="The resident’s details, if they gave them"
        answers={answers}
        errors={errors}
        onChange={change}
      />
      <QuotedReference
        value={answers.caseReference}
        onChange={(caseReference) => change({ caseReference })}
        error={errors.caseReference}
      />
    </ContactFormPage>
  );
}
