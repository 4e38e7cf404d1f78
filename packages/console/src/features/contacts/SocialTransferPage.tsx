import type { SocialPlatform } from '@ward/protocol';
import { socialPlatforms } from '@ward/protocol';
import { transferSocialRequest } from '../../api/contacts.ts';
import { paths } from '../../route-match.ts';
import { Textarea, TextInput } from '../../ui/Field.tsx';
import { Select } from '../../ui/Select.tsx';
import { platformName } from '../cases/case-wording.ts';
import { useCaseWords } from '../cases/texts-words.ts';
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
import { useContactsTexts } from './texts.ts';

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
  const t = useContactsTexts();
  const words = useCaseWords();
  const form = useContactForm({
    blank,
    ids,
    order,
    validate: (answers: SocialAnswers, now: Date) => validateSocialTransfer(answers, now, t),
    send: transferSocialRequest,
  });
  const { answers, errors, change } = form;

  return (
    <ContactFormPage
      form={form}
      back={{ href: paths.cases, text: t.backToCases }}
      title={t.socialTitle}
      intro={t.socialIntro}
      submitText={t.transferRequest}
      confirmationTitle={t.requestTransferred}
      againText={t.transferAnother}
    >
      <Select
        id={ids.platform}
        label={t.platform}
        labelClassName="govuk-label--s"
        options={[
          { value: '', text: t.selectPlatform },
          ...socialPlatforms.map((p) => ({ value: p, text: platformName(p, words) })),
        ]}
        value={answers.platform}
        onValueChange={(platform) => change({ platform: platform as SocialPlatform | '' })}
        error={errors.platform}
      />
      <TextInput
        id={ids.handle}
        label={t.handle}
        labelClassName="govuk-label--s"
        hint={t.handleHint}
        autoComplete="off"
        spellCheck={false}
        value={answers.handle}
        onValueChange={(handle) => change({ handle })}
        error={errors.handle}
      />
      <Textarea
        id={ids.request}
        label={t.request}
        labelClassName="govuk-label--s"
        hint={t.requestHint}
        rows={6}
        value={answers.request}
        onValueChange={(request) => change({ request })}
        error={errors.request}
      />
      <WhenFields id="social-when" legend={t.whenRequest} {...form.when} />
      <TopicSelect options={options} value={answers.topic} onChange={change} />
      <DepartmentSelect
        options={options}
        value={answers.departmentId}
        onChange={(departmentId) => change({ departmentId })}
        error={errors.departmentId}
      />
      <ResidentFields legend={t.residentsDetailsIfGiven} answers={answers} errors={errors} onChange={change} />
      <QuotedReference
        value={answers.caseReference}
        onChange={(caseReference) => change({ caseReference })}
        error={errors.caseReference}
      />
    </ContactFormPage>
  );
}
