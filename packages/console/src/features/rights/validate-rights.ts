import type {
  ChangeRightsStatusBody,
  IdentityMethod,
  LogRightsRequestBody,
  RightsChannel,
  RightsOutcome,
  RightsRequestType,
} from '@ward/protocol';
import { rightsTextMaxChars } from '@ward/protocol';
import { isoDate, londonToday, type DatePart, type TypedDate } from '../../ui/uk-dates.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { checkDate } from './date-texts.ts';
import { dateTextsEn, type DateTexts } from './date-texts-en.ts';
import { rightsEn, type RightsTexts } from './texts-en.ts';

const asNumber = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;

/**
 * A typed date that may be blank, or must be given (`required`: what to say when it is blank),
 * and not be in the future.
 */
export function checkPastDate(
  label: string,
  typed: TypedDate,
  now: Date,
  required: string | false,
  dates: DateTexts = dateTextsEn,
): { error: string; parts: DatePart[] } | { date: string | null } {
  const checked = checkDate(label, typed, dates);
  if ('error' in checked) return checked;
  if (!checked.date) return required ? { error: required, parts: [] } : { date: null };
  if (asNumber(checked.date) > asNumber(londonToday(now)))
    return { error: dates.todayOrPast(label), parts: ['day', 'month', 'year'] };
  const { year, month, day } = checked.date;
  return { date: isoDate(year, month, day) };
}

export type LogField = 'type' | 'received' | 'channel' | 'name' | 'contact' | 'identity' | 'identityNote';
export type LogAnswers = {
  type: RightsRequestType | '';
  received: TypedDate;
  channel: RightsChannel | '';
  name: string;
  contact: string;
  caseReference: string;
  identity: IdentityMethod | '';
  identityNote: string;
};

/** Checks the "Log a request" form; the body is ready to send when there are no errors. */
export function validateLog(
  answers: LogAnswers,
  now: Date,
  says: RightsTexts = rightsEn,
  dates: DateTexts = dateTextsEn,
): { errors: FieldErrors<LogField>; receivedParts: DatePart[]; body: LogRightsRequestBody | null } {
  const errors: FieldErrors<LogField> = {};
  const no = says.errors;
  if (answers.type === '') errors.type = no.selectType;
  const received = checkPastDate(says.dateReceived, answers.received, now, no.enterReceived, dates);
  let receivedParts: DatePart[] = [];
  if ('error' in received) {
    errors.received = received.error;
    receivedParts = received.parts;
  }
  if (answers.channel === '') errors.channel = no.selectChannel;
  if (answers.name.trim() === '') errors.name = no.enterName;
  else if (answers.name.trim().length > 200) errors.name = no.nameTooLong;
  if (answers.contact.trim() === '') errors.contact = no.enterContact;
  else if (answers.contact.trim().length > 500) errors.contact = no.contactTooLong;
  if (answers.identityNote.trim().length > rightsTextMaxChars) errors.identityNote = no.noteTooLong(rightsTextMaxChars);
  const valid = Object.keys(errors).length === 0 && answers.type !== '' && answers.channel !== '' && 'date' in received;
  return {
    errors,
    receivedParts,
    body:
      valid && 'date' in received && received.date && answers.type !== '' && answers.channel !== ''
        ? {
            type: answers.type,
            receivedOn: received.date,
            channel: answers.channel,
            requesterName: answers.name.trim(),
            requesterContact: answers.contact.trim(),
            caseReference: answers.caseReference.trim() || undefined,
            identityMethod: answers.identity || 'not-checked',
            identityNote: answers.identityNote.trim() || undefined,
          }
        : null,
  };
}

export type RightsAction =
  'awaiting-identity' | 'awaiting-clarification' | 'in-progress' | 'extend' | 'assign' | 'close';
export type ActionField = 'action' | 'on' | 'identityNote' | 'months' | 'owner' | 'outcome' | 'reason';
export type ActionAnswers = {
  action: RightsAction | '';
  on: TypedDate;
  months: '1' | '2' | '';
  owner: string;
  outcome: RightsOutcome | '';
  reason: string;
  /** Asked when resuming from waiting for identity. */
  identity: IdentityMethod | '';
  identityNote: string;
};
export type ActionRequest =
  | { kind: 'status'; body: ChangeRightsStatusBody }
  | { kind: 'extend'; body: { months: 1 | 2; reason: string } }
  | { kind: 'assign'; body: { ownerId: string } }
  | { kind: 'close'; body: { outcome: RightsOutcome; reason?: string } };

/** Checks the request page's "What happens next" form. */
export function validateAction(
  answers: ActionAnswers,
  now: Date,
  says: RightsTexts = rightsEn,
  dates: DateTexts = dateTextsEn,
): { errors: FieldErrors<ActionField>; onParts: DatePart[]; request: ActionRequest | null } {
  const errors: FieldErrors<ActionField> = {};
  const no = says.errors;
  const reason = answers.reason.trim();
  if (reason.length > rightsTextMaxChars) errors.reason = no.reasonTooLong(rightsTextMaxChars);
  let onParts: DatePart[] = [];
  let request: ActionRequest | null = null;
  const action = answers.action;
  if (action === '') errors.action = no.selectAction;
  else if (action === 'extend') {
    if (answers.months === '') errors.months = no.selectMonths;
    if (reason === '') errors.reason = no.enterExtensionReason;
    if (answers.months !== '' && reason !== '')
      request = { kind: 'extend', body: { months: answers.months === '1' ? 1 : 2, reason } };
  } else if (action === 'assign') {
    if (answers.owner === '') errors.owner = no.selectOwner;
    else request = { kind: 'assign', body: { ownerId: answers.owner } };
  } else if (action === 'close') {
    if (answers.outcome === '') errors.outcome = no.selectOutcome;
    else if (answers.outcome === 'refused' && reason === '') errors.reason = no.enterRefusalReason;
    else request = { kind: 'close', body: { outcome: answers.outcome, ...(reason ? { reason } : {}) } };
  } else {
    const on = checkPastDate(says.theDate, answers.on, now, false, dates);
    if ('error' in on) {
      errors.on = on.error;
      onParts = on.parts;
    }
    const note = answers.identityNote.trim();
    if (note.length > rightsTextMaxChars) errors.identityNote = no.noteTooLong(rightsTextMaxChars);
    if ('date' in on)
      request = {
        kind: 'status',
        body: {
          status: action,
          ...(on.date ? { on: on.date } : {}),
          ...(reason ? { reason } : {}),
          ...(answers.identity ? { identityMethod: answers.identity } : {}),
          ...(answers.identity && note ? { identityNote: note } : {}),
        },
      };
  }
  return { errors, onParts, request: Object.keys(errors).length === 0 ? request : null };
}
