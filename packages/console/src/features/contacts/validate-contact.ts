import type { DepartmentTopic, LoggedContactBody, SocialIntakeBody, SocialPlatform } from '@ward/protocol';
import { intakeTextMaxChars, limits } from '@ward/protocol';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import { checkWhen } from './contact-time.ts';
import { contactsEn, type ContactsTexts } from './texts-en.ts';

/** The "log a contact" and "transfer a social-media request" forms' checks: pure, unit tested. */
export interface ResidentAnswers {
  name: string;
  email: string;
  phone: string;
  departmentId: string;
  topic: string;
  caseReference: string;
}

export type ResidentField = 'name' | 'email' | 'phone' | 'departmentId' | 'caseReference';

/**
 * Choosing a topic (optional) preselects the department that deals with it; staff may still pick
 * another department. Choosing no topic leaves the department as it was.
 */
export function chooseTopic(
  topicId: string,
  topics: readonly DepartmentTopic[],
): Pick<ResidentAnswers, 'topic'> & Partial<Pick<ResidentAnswers, 'departmentId'>> {
  const topic = topics.find((t) => t.id === topicId);
  return topic ? { topic: topic.id, departmentId: topic.departmentId } : { topic: '' };
}
type ResidentBody = Pick<LoggedContactBody, 'departmentId' | 'topic' | 'name' | 'email' | 'phone' | 'caseReference'>;

/** A loose check (the server checks UK numbers properly): digits, spaces, brackets, dashes, an optional +. */
export function looksLikePhone(typed: string): boolean {
  const text = typed.trim();
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s()-]+$/.test(text) && digits >= 10 && digits <= 13;
}

function checkResident(
  answers: ResidentAnswers,
  say: ContactsTexts['errors'],
): { errors: FieldErrors<ResidentField>; body: ResidentBody } {
  const errors: FieldErrors<ResidentField> = {};
  const name = answers.name.trim();
  const email = answers.email.trim();
  const phone = answers.phone.trim();
  if (name.length > limits.nameMaxChars) errors.name = say.nameTooLong;
  if (email && (!looksLikeEmail(email) || email.length > limits.emailMaxChars)) errors.email = say.emailFormat;
  if (phone && !looksLikePhone(phone)) errors.phone = say.phone;
  if (answers.departmentId === '') errors.departmentId = say.selectDepartment;
  let caseReference: string | undefined;
  if (answers.caseReference.trim() !== '') {
    const checked = checkCaseReference(answers.caseReference, say);
    if ('error' in checked) errors.caseReference = checked.error;
    else caseReference = checked.caseReference;
  }
  const body: ResidentBody = {
    departmentId: answers.departmentId,
    ...(answers.topic ? { topic: answers.topic } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(caseReference ? { caseReference } : {}),
  };
  return { errors, body };
}

export type ContactField = ResidentField | 'channel' | 'summary' | 'date' | 'time';

export interface ContactAnswers extends ResidentAnswers {
  channel: 'phone' | 'face-to-face' | '';
  summary: string;
  date: TypedDate;
  time: string;
  /** The record the contact is logged on, when staff came from it; the resident's details are then not asked. */
  recordId: string | null;
}

export interface Check<K extends string, B> {
  errors: FieldErrors<K>;
  dateParts: DatePart[];
  body: B | null;
}

export function validateLoggedContact(
  answers: ContactAnswers,
  now: Date,
  t: ContactsTexts = contactsEn,
): Check<ContactField, LoggedContactBody> {
  const say = t.errors;
  const resident = checkResident(answers.recordId ? { ...answers, name: '', email: '', phone: '' } : answers, say);
  const errors: FieldErrors<ContactField> = { ...resident.errors };
  if (answers.channel === '') errors.channel = say.selectChannel;
  const summary = answers.summary.trim();
  if (summary === '') errors.summary = say.enterSummary;
  else if (summary.length > limits.summaryMaxChars) errors.summary = say.summaryTooLong;
  const when = checkWhen('of the contact', answers.date, answers.time, now, { ...say, ...say.contactWhen });
  if ('errors' in when) Object.assign(errors, { date: when.errors.date, time: when.errors.time });
  const dateParts = 'errors' in when ? (when.errors.dateParts ?? []) : [];
  const ok = !Object.values(errors).some(Boolean) && answers.channel !== '' && 'at' in when;
  return {
    errors: withoutEmpty(errors),
    dateParts,
    body: ok
      ? {
          ...resident.body,
          channel: answers.channel as 'phone' | 'face-to-face',
          summary,
          contactedAt: when.at,
          ...(answers.recordId ? { recordId: answers.recordId } : {}),
        }
      : null,
  };
}

export type SocialField = ResidentField | 'platform' | 'handle' | 'request' | 'date' | 'time';

export interface SocialAnswers extends ResidentAnswers {
  platform: SocialPlatform | '';
  handle: string;
  request: string;
  date: TypedDate;
  time: string;
}

export function validateSocialTransfer(
  answers: SocialAnswers,
  now: Date,
  t: ContactsTexts = contactsEn,
): Check<SocialField, SocialIntakeBody> {
  const say = t.errors;
  const resident = checkResident(answers, say);
  const errors: FieldErrors<SocialField> = { ...resident.errors };
  if (answers.platform === '') errors.platform = say.selectPlatform;
  const handle = answers.handle.trim();
  if (handle === '') errors.handle = say.enterHandle;
  else if (handle.length > 100) errors.handle = say.handleTooLong;
  const request = answers.request.trim();
  if (request === '') errors.request = say.enterRequest;
  else if (request.length > intakeTextMaxChars) errors.request = say.requestTooLong;
  const when = checkWhen('the request was received', answers.date, answers.time, now, { ...say, ...say.requestWhen });
  if ('errors' in when) Object.assign(errors, { date: when.errors.date, time: when.errors.time });
  const dateParts = 'errors' in when ? (when.errors.dateParts ?? []) : [];
  const ok = !Object.values(errors).some(Boolean) && answers.platform !== '' && 'at' in when;
  return {
    errors: withoutEmpty(errors),
    dateParts,
    body: ok
      ? { ...resident.body, platform: answers.platform as SocialPlatform, handle, request, receivedAt: when.at }
      : null,
  };
}

function withoutEmpty<K extends string>(errors: FieldErrors<K>): FieldErrors<K> {
  return Object.fromEntries(Object.entries(errors).filter(([, text]) => Boolean(text))) as FieldErrors<K>;
}
