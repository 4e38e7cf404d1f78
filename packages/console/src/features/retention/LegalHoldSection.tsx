import type { AgentConversation, HoldCovers, RetentionHold } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { fetchHolds, placeHold } from '../../api/retention.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import type { FormCheck } from '../../ui/form-submission.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLanguage, useTexts } from '../../i18n/language.tsx';
import { dateTexts } from '../rights/date-texts.ts';
import { holdCovers, summariseReason } from './retention-wording.ts';
import { useRetentionTexts } from './texts.ts';
import type { DatePart, HoldField } from './validate-hold.ts';
import { validateHold } from './validate-hold.ts';

const ids = { covers: 'hold-covers', reason: 'hold-reason', endDate: 'hold-end' } as const;

/** What the section is about: a chat (held as a conversation), or a case on any channel. */
type HoldSubject =
  { kind: 'conversation'; id: string; caseReference: string } | { kind: 'case'; id: string; caseReference: string };

/**
 * For administrators: whether the conversation (or the case: pass `kase` instead, e.g. on the
 * case page) is under a legal hold, and a form to place one.
 */
export function LegalHoldSection({
  conversation,
  kase,
  onErrorChange,
}: {
  conversation?: AgentConversation;
  kase?: { id: string; caseReference: string };
  onErrorChange?: (hasErrors: boolean) => void;
}) {
  const says = useRetentionTexts();
  const language = useLanguage();
  const [placed, setPlaced] = useState<RetentionHold | null>(null);
  const subject: HoldSubject = conversation
    ? { kind: 'conversation', id: conversation.id, caseReference: conversation.caseReference }
    : { kind: 'case', id: kase?.id ?? '', caseReference: kase?.caseReference ?? '' };
  const { caseReference } = subject;

  const { loaded, reload } = useLoaded(
    async () => (await fetchHolds('active')).filter((hold) => holdCovers(hold, caseReference)),
    caseReference,
  );

  return (
    <section aria-labelledby="legal-hold-heading">
      {placed ? (
        <NotificationBanner
          key={placed.id}
          success
          heading={placed.covers === 'resident' ? says.residentOnHold : says.caseOnHold(caseReference)}
        >
          <p className="govuk-body">
            {says.nothingDeletedUntil}
            {placed.endsAt ? says.orEndsOn(formatDate(placed.endsAt, language)) : ''}.{' '}
            <Link className="govuk-notification-banner__link" href={paths.retention}>
              {says.seeAllHolds}
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <h2 className="govuk-heading-m" id="legal-hold-heading">
        {says.legalHoldHeading}
      </h2>
      {loaded.status === 'loading' ? <Loading text={says.checkingHolds} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.data.length > 0 ? (
        <>
          <p className="govuk-body">
            <Tag colour="blue">{says.onHold}</Tag>
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {loaded.data.map((hold) => (
              <li key={hold.id} className="ward-break-anywhere">
                {hold.covers === 'resident' ? says.residentCoverage : says.thisCaseCapital}:{' '}
                {summariseReason(hold.reason)}{' '}
                <span className="govuk-hint govuk-!-display-inline">
                  {says.placedByOn(hold.placedBy.name, formatDateTime(hold.placedAt, language))}
                  {hold.endsAt ? says.endsOn(formatDateTime(hold.endsAt, language)) : says.untilLiftedClose}
                </span>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" href={paths.retention}>
              {says.manageHolds}
            </Link>
          </p>
        </>
      ) : null}
      {loaded.status === 'ready' && loaded.data.length === 0 ? (
        <p className="govuk-body">{subject.kind === 'case' ? says.notOnHoldCase : says.notOnHoldConversation}</p>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PlaceHoldForm
            subject={subject}
            onErrorChange={onErrorChange}
            onPlaced={(hold) => {
              setPlaced(hold);
              reload();
            }}
          />
        </div>
      </div>
    </section>
  );
}

function PlaceHoldForm({
  subject,
  onPlaced,
  onErrorChange,
}: {
  subject: HoldSubject;
  onPlaced: (hold: RetentionHold) => void;
  onErrorChange?: (hasErrors: boolean) => void;
}) {
  const says = useRetentionTexts();
  const dates = useTexts(dateTexts);
  const [covers, setCovers] = useState<HoldCovers | ''>('');
  const [reason, setReason] = useState('');
  const [end, setEnd] = useState<Record<DatePart, string>>({ day: '', month: '', year: '' });
  const [endParts, setEndParts] = useState<DatePart[]>([]);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<HoldField>(
    (field) => (field === 'endDate' ? dateInputFieldId(ids.endDate, endParts) : ids[field]),
    ['covers', 'reason', 'endDate'],
  );
  useEffect(() => onErrorChange?.(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<HoldField> {
    const checked = validateHold(
      { covers, reason, endDay: end.day, endMonth: end.month, endYear: end.year },
      new Date(),
      says,
      dates,
    );
    setEndParts(checked.endDateParts);
    const { body } = checked;
    if (!body) return { errors: checked.errors };
    return {
      send: async () => {
        const hold = await placeHold({
          ...(subject.kind === 'case' ? { caseId: subject.id } : { conversationId: subject.id }),
          ...body,
        });
        setCovers('');
        setReason('');
        setEnd({ day: '', month: '', year: '' });
        onPlaced(hold);
      },
    };
  }

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h3 className="govuk-heading-s" id="place-hold-heading">
        {says.placeHoldHeading}
      </h3>
      <p className="govuk-body">{says.placeHoldIntro}</p>
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="place-hold-heading">
        <Radios<HoldCovers>
          id={ids.covers}
          legend={says.coverQuestion}
          items={
            subject.kind === 'case'
              ? [
                  {
                    value: 'case',
                    label: says.thisCaseWith(subject.caseReference),
                    hint: says.caseHint,
                  },
                  {
                    value: 'resident',
                    label: says.residentCoverage,
                    hint: says.residentCaseHint,
                  },
                ]
              : [
                  {
                    value: 'conversation',
                    label: says.thisCaseWith(subject.caseReference),
                    hint: says.conversationHint,
                  },
                  {
                    value: 'resident',
                    label: says.residentCoverage,
                    hint: says.residentConversationHint,
                  },
                ]
          }
          value={covers}
          onValueChange={setCovers}
          error={errors.covers}
        />
        <Textarea
          id={ids.reason}
          label={says.reasonLabel}
          labelClassName="govuk-label--s"
          hint={says.reasonHint}
          value={reason}
          onValueChange={setReason}
          error={errors.reason}
          rows={3}
        />
        <DateInput
          id={ids.endDate}
          legend={says.endLegend}
          hint={says.endHint}
          value={end}
          onValueChange={(part, value) => setEnd((current) => ({ ...current, [part]: value }))}
          error={errors.endDate}
          errorParts={endParts}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.placeHold}
        </button>
      </form>
    </>
  );
}
