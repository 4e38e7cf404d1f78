import type { DepartmentTopic, LoggedContactBody, SocialIntakeBody, SocialPlatform } from '@ward/protocol';
import { intakeTextMaxChars, limits } from '@ward/protocol';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { looksLikeEmail } from '../../ui/validation.ts';
import { checkCaseReference } from '../conversations/validate-case-reference.ts';
import { checkWhen } from './contact-time.ts';

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
const phoneError = 'Enter a UK phone number, like 01632 960 001 or 07700 900 982';

/** A loose check (the server checks UK numbers properly): digits, spaces, brackets, dashes, an optional +. */
export function looksLikePhone(typed: string): boolean {
  const text = typed.trim();
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s()-]+$/.test(text) && digits >= 10 && digits <= 13;
}

function checkResident(answers: ResidentAnswers): { errors: FieldErrors<ResidentField>; body: ResidentBody } {
  const errors: FieldErrors<ResidentField> = {};
  const name = answers.name.trim();
  const email = answers.email.trim();
  const phone = answers.phone.trim();
  if (name.length > limits.nameMaxChars) errors.name = `The name must be ${limits.nameMaxChars} characters or fewer`;
  if (email && (!looksLikeEmail(email) || email.length > limits.emailMaxChars))
    errors.email = 'Enter an email address in the correct format, like name@example.com';
  if (phone && !looksLikePhone(phone)) errors.phone = phoneError;
  if (answers.departmentId === '') errors.departmentId = 'Select the department that should deal with it';
  let caseReference: string | undefined;
  if (answers.caseReference.trim() !== '') {
    const checked = checkCaseReference(answers.caseReference);
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

export function validateLoggedContact(answers: ContactAnswers, now: Date): Check<ContactField, LoggedContactBody> {
  const resident = checkResident(answers.recordId ? { ...answers, name: '', email: '', phone: '' } : answers);
  const errors: FieldErrors<ContactField> = { ...resident.errors };
  if (answers.channel === '') errors.channel = 'Select how the resident contacted the council';
  const summary = answers.summary.trim();
  if (summary === '') errors.summary = 'Enter a summary of the contact';
  else if (summary.length > limits.summaryMaxChars)
    errors.summary = `The summary must be ${limits.summaryMaxChars} characters or fewer`;
  const when = checkWhen('of the contact', answers.date, answers.time, now);
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

export function validateSocialTransfer(answers: SocialAnswers, now: Date): Check<SocialField, SocialIntakeBody> {
  const resident = checkResident(answers);
  const errors: FieldErrors<SocialField> = { ...resident.errors };
  if (answers.platform === '') errors.platform = 'Select the platform the request was made on';
  const handle = answers.handle.trim();
  if (handle === '') errors.handle = 'Enter the resident’s handle or profile name';
  else if (handle.length > 100) errors.handle = 'The handle must be 100 characters or fewer';
  const request = answers.request.trim();
  if (request === '') errors.request = 'Enter the request as the resident made it';
  else if (request.length > intakeTextMaxChars)
    errors.request = `The request must be ${intakeTextMaxChars} characters or fewer`;
  const when = checkWhen('the request was received', answers.date, answers.time, now);
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
