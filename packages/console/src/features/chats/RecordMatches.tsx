import type { AgentConversation, ChatMatchResponse, RecordDetailInput, RecordSummary } from '@ward/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { createRecordFromChat, linkChatToRecord, matchChat } from '../../api/records.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { formatDate } from '../../ui/format.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { isPhoneNumber, isPostcode } from '../records/validate-record.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useChatWorkTexts } from './texts.ts';
import type { ChatWorkTexts } from './texts-work-en.ts';

type Matches =
  { status: 'loading' } | { status: 'ready'; response: ChatMatchResponse } | { status: 'error'; message: string };

const list = (values: readonly string[], says: ChatWorkTexts) => (values.length > 0 ? values.join(', ') : says.none);

/** "email address and name": which identifiers of a chat agree with a record. */
function matchedWording(matched: readonly string[], says: ChatWorkTexts): string {
  const words = matched.map((m) => says.matched[m] ?? m);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${says.and} ${words.at(-1)}`;
}

function Candidate({
  record,
  matched,
  busy,
  onLink,
}: {
  record: RecordSummary;
  matched: string[];
  busy: boolean;
  onLink: () => void;
}) {
  const says = useChatWorkTexts();
  const language = useLanguage();
  const name = record.names[0] ?? says.unnamedResident;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title ward-break-anywhere">{name}</h4>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {[
            [says.matchesOn, matchedWording(matched, says)],
            [says.emailAddress, list(record.emails, says)],
            [says.phoneNumber, list(record.phones, says)],
            [says.postcode, list(record.postcodes, says)],
            [
              says.contacts,
              `${record.cases}${record.lastContactAt ? says.lastOn(formatDate(record.lastContactAt, language)) : ''}`,
            ],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value ward-break-anywhere">{value}</dd>
            </div>
          ))}
        </dl>
        <div className="govuk-button-group govuk-!-margin-top-4 govuk-!-margin-bottom-0">
          <button
            type="button"
            className="govuk-button govuk-!-margin-bottom-0"
            data-module="govuk-button"
            aria-disabled={busy || undefined}
            onClick={onLink}
          >
            {says.linkToRecord}
            <span className="govuk-visually-hidden"> ({name})</span>
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Which customer record this chat's resident has (ADR 14): likely records from the pre-chat
 * details, with the identifiers that agree; the agent confirms one, or creates a record from the
 * chat. Nothing is linked until they do. A postcode or phone number they ask for widens the search.
 */
export function RecordMatches({ conversation }: { conversation: AgentConversation }) {
  const id = conversation.id;
  const [matches, setMatches] = useState<Matches>({ status: 'loading' });
  const [linked, setLinked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [postcode, setPostcode] = useState('');
  const [phone, setPhone] = useState('');
  const linkedRef = useRef<HTMLParagraphElement>(null);
  // Set when the agent links the chat: the buttons they used go away, so focus moves to the result.
  const focusLinked = useRef(false);
  const announce = useAnnounce();
  const says = useChatWorkTexts();

  const load = useCallback(
    (extra: { postcode?: string; phone?: string }) =>
      matchChat(id, extra).then(
        (response) => {
          setMatches({ status: 'ready', response });
          setLinked(response.linkedRecordId);
          return response;
        },
        (error: unknown) => {
          setMatches({ status: 'error', message: messageOf(error) });
          return null;
        },
      ),
    [id],
  );

  useEffect(() => {
    void load({});
  }, [load]);

  useEffect(() => {
    if (linked && focusLinked.current) {
      focusLinked.current = false;
      linkedRef.current?.focus();
    }
  }, [linked]);

  async function act(action: () => Promise<{ recordId: string }>, done: string) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { recordId } = await action();
      focusLinked.current = true;
      setLinked(recordId);
      announce(done);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const ids = { postcode: `match-postcode-${id}`, phone: `match-phone-${id}` };
  const findForm = useFormSubmit(ids, ['postcode', 'phone']);
  const { errors } = findForm;

  function checkFindMore() {
    const p = postcode.trim();
    const t = phone.trim();
    const found = {
      postcode: p && !isPostcode(p) ? says.postcodeError : !p && !t ? says.enterPostcodeOrPhone : undefined,
      phone: t && !isPhoneNumber(t) ? says.phoneError : undefined,
    };
    return sendIfValid(found, async () => {
      // `load` shows its own failure in place of the candidates.
      const response = await load({ ...(p ? { postcode: p } : {}), ...(t ? { phone: t } : {}) });
      if (response) announce(says.recordsFound(response.candidates.length));
    });
  }

  function createRecord() {
    const t = phone.trim();
    const details: RecordDetailInput[] = t && isPhoneNumber(t) ? [{ kind: 'phone', number: t, label: null }] : [];
    void act(() => createRecordFromChat(id, details), says.recordCreated);
  }

  const headingId = `record-heading-${id}`;

  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-top-6">
      <h3 className="govuk-heading-m" id={headingId}>
        {says.customerRecord}
      </h3>
      {linked ? (
        <p className="govuk-body" ref={linkedRef} tabIndex={-1}>
          {says.linkedToRecord}{' '}
          <Link className="govuk-link" href={pathTo(paths.record, { recordId: linked })}>
            {says.openRecord}
          </Link>
        </p>
      ) : (
        <>
          {matches.status === 'loading' ? <p className="govuk-body">{says.lookingForRecord}</p> : null}
          {matches.status === 'error' ? <p className="govuk-body">{matches.message}</p> : null}
          {problem ? (
            <div className="govuk-error-summary" role="alert">
              <h4 className="govuk-error-summary__title">{says.notLinked}</h4>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">{problem}</p>
              </div>
            </div>
          ) : null}
          {matches.status === 'ready' &&
          matches.response.candidates.length === 0 &&
          matches.response.inOtherDepartments === 0 ? (
            <p className="govuk-body">{says.noRecordsMatch}</p>
          ) : null}
          {/* Records the agent may not open are only counted: nothing of them is shown. */}
          {matches.status === 'ready' && matches.response.inOtherDepartments > 0 ? (
            <div className="govuk-inset-text">
              {says.inOtherDepartments(matches.response.inOtherDepartments)} {says.askColleague}
            </div>
          ) : null}
          {matches.status === 'ready' && matches.response.candidates.length > 0 ? (
            <>
              <p className="govuk-body">{says.mayBeResidents}</p>
              {matches.response.candidates.map((candidate) => (
                <Candidate
                  key={candidate.record.id}
                  record={candidate.record}
                  matched={candidate.matched}
                  busy={busy}
                  onLink={() => void act(() => linkChatToRecord(candidate.record.id, id), says.chatLinked)}
                />
              ))}
            </>
          ) : null}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{says.lookByPostcodeOrPhone}</span>
            </summary>
            <div className="govuk-details__text">
              <form noValidate onSubmit={(event) => void findForm.submit(event, checkFindMore)}>
                <ErrorSummary errors={findForm.summary} attempt={findForm.attempt} />
                <TextInput
                  id={ids.postcode}
                  label={says.postcode}
                  widthClassName="govuk-input--width-10"
                  autoComplete="off"
                  autoCapitalize="characters"
                  value={postcode}
                  onValueChange={setPostcode}
                  error={errors.postcode}
                />
                <TextInput
                  id={ids.phone}
                  label={says.phoneNumber}
                  type="tel"
                  widthClassName="govuk-input--width-20"
                  autoComplete="off"
                  value={phone}
                  onValueChange={setPhone}
                  error={errors.phone}
                />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {says.findRecords}
                </button>
              </form>
            </div>
          </details>
          <p className="govuk-body">{says.noneIsResident}</p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            aria-disabled={busy || undefined}
            onClick={createRecord}
          >
            {says.createRecord}
          </button>
        </>
      )}
    </section>
  );
}
