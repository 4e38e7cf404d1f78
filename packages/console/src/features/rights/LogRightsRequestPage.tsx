import type { IdentityMethod, RightsChannel, RightsRequestType } from '@ward/protocol';
import { useState } from 'react';
import { logRightsRequest } from '../../api/rights.ts';
import { paths, pathTo } from '../../route-match.ts';
import { Link, navigate } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, TextInput, Textarea } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLanguage, useTexts } from '../../i18n/language.tsx';
import { dateTexts } from './date-texts.ts';
import { formatCalendarDate } from './rights-wording.ts';
import { useRightsTexts } from './texts.ts';
import { validateLog, type LogField } from './validate-rights.ts';

const ids: Record<LogField, string> = {
  type: 'request-type',
  received: 'request-received',
  channel: 'request-channel',
  name: 'requester-name',
  contact: 'requester-contact',
  identity: 'request-identity',
  identityNote: 'request-identity-note',
};
const order: LogField[] = ['type', 'received', 'channel', 'name', 'contact', 'identity', 'identityNote'];

const items = <T extends string>(names: Record<T, string>) =>
  (Object.keys(names) as T[]).map((value) => ({ value, label: names[value] }));

/** A privacy officer logs a resident's rights request; Ward works out when it is due. */
export function LogRightsRequestPage() {
  const announce = useAnnounce();
  const says = useRightsTexts();
  const dates = useTexts(dateTexts);
  const language = useLanguage();
  const [type, setType] = useState<RightsRequestType | ''>('');
  const [received, setReceived] = useState<TypedDate>({ day: '', month: '', year: '' });
  const [channel, setChannel] = useState<RightsChannel | ''>('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [identity, setIdentity] = useState<IdentityMethod | ''>('not-checked');
  const [identityNote, setIdentityNote] = useState('');
  const [receivedParts, setReceivedParts] = useState<DatePart[]>([]);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<LogField>(
    (field) => (field === 'received' ? dateInputFieldId(ids.received, receivedParts) : ids[field]),
    order,
  );

  function check() {
    const checked = validateLog(
      { type, received, channel, name, contact, caseReference, identity, identityNote },
      new Date(),
      says,
      dates,
    );
    setReceivedParts(checked.receivedParts);
    const body = checked.body;
    if (!body) return { errors: checked.errors };
    return {
      send: async () => {
        const request = await logRightsRequest(body);
        announce(says.logged(request.dueOn ? formatCalendarDate(request.dueOn, language) : says.aDateToCome));
        navigate(pathTo(paths.rightsRequest, { requestId: request.id }));
      },
    };
  }

  return (
    <>
      <Link className="govuk-back-link" href={paths.rightsRequests}>
        {says.allRequests}
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={attempt} />
          <PageTitle title={says.logRequest} hasErrors={hasErrors} />
          <form noValidate onSubmit={(event) => void submit(event, check)}>
            <Radios
              id={ids.type}
              legend={says.askingFor}
              legendClassName="govuk-fieldset__legend--m"
              items={items(says.types)}
              value={type}
              onValueChange={setType}
              error={errors.type}
            />
            <DateInput
              id={ids.received}
              legend={says.whenReceived}
              legendClassName="govuk-fieldset__legend--m"
              hint={says.whenReceivedHint}
              value={received}
              onValueChange={(part, value) => setReceived((current) => ({ ...current, [part]: value }))}
              error={errors.received}
              errorParts={receivedParts}
            />
            <Radios
              id={ids.channel}
              legend={says.howCameIn}
              legendClassName="govuk-fieldset__legend--m"
              items={items(says.channels)}
              value={channel}
              onValueChange={setChannel}
              error={errors.channel}
            />
            <h2 className="govuk-heading-m">{says.theRequester}</h2>
            <TextInput
              id={ids.name}
              label={says.fullName}
              labelClassName="govuk-label--s"
              autoComplete="off"
              spellCheck={false}
              value={name}
              onValueChange={setName}
              error={errors.name}
            />
            <Textarea
              id={ids.contact}
              label={says.howToContact}
              labelClassName="govuk-label--s"
              hint={says.howToContactHint}
              rows={3}
              value={contact}
              onValueChange={setContact}
              error={errors.contact}
            />
            <TextInput
              id="request-case-reference"
              label={says.caseReferenceQuoted}
              labelClassName="govuk-label--s"
              hint={says.caseReferenceHint}
              widthClassName="govuk-input--width-10"
              autoComplete="off"
              spellCheck={false}
              value={caseReference}
              onValueChange={setCaseReference}
            />
            <Radios
              id={ids.identity}
              legend={says.identityChecked}
              legendClassName="govuk-fieldset__legend--s"
              items={items(says.identities)}
              value={identity}
              onValueChange={setIdentity}
              error={errors.identity}
            />
            <Textarea
              id={ids.identityNote}
              label={says.identityNote}
              labelClassName="govuk-label--s"
              hint={says.identityNoteHint}
              rows={3}
              value={identityNote}
              onValueChange={setIdentityNote}
              error={errors.identityNote}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
              {says.logButton}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
