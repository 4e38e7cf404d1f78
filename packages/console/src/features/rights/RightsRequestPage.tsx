import type { IdentityMethod, RightsOutcome, RightsRequestDetail } from '@ward/protocol';
import { useEffect, useState } from 'react';
import {
  assignRightsRequest,
  changeRightsStatus,
  closeRightsRequest,
  extendRightsRequest,
  fetchRightsRequest,
} from '../../api/rights.ts';
import { fetchStaffDirectory } from '../../api/staff.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { doesPrivacyWork } from '../../session/roles.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Select } from '../../ui/Select.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { Tag } from '../../ui/Tag.tsx';
import type { DatePart, TypedDate } from '../../ui/uk-dates.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { useLanguage, useTexts } from '../../i18n/language.tsx';
import { dateTexts } from './date-texts.ts';
import { flagColour, flagText, formatCalendarDate, statusColours, stepText } from './rights-wording.ts';
import { useRightsTexts } from './texts.ts';
import { ResidentData } from './ResidentData.tsx';
import { validateAction, type ActionField, type RightsAction } from './validate-rights.ts';
import { ExportPackSection } from './ExportPackSection.tsx';
import { EraseResidentSection } from './EraseResidentSection.tsx';

/** One rights request: its details, deadline, history, and what happens next. */
export function RightsRequestPage({ requestId }: { requestId: string }) {
  const { loaded, reload } = useLoaded(() => fetchRightsRequest(requestId), requestId);
  const says = useRightsTexts();
  return (
    <>
      <Link className="govuk-back-link" href={paths.rightsRequests}>
        {says.allRequests}
      </Link>
      {loaded.status === 'loading' ? <Loading text={says.loadingRequest} /> : null}
      {loaded.status === 'error' ? (
        <>
          <PageTitle title={says.request} />
          <LoadError message={loaded.message} />
        </>
      ) : null}
      {loaded.status === 'ready' ? <RequestDetail request={loaded.data} onChanged={reload} /> : null}
    </>
  );
}

function RequestDetail({ request, onChanged }: { request: RightsRequestDetail; onChanged: () => void }) {
  const [formHasErrors, setFormHasErrors] = useState(false);
  const [exportHasErrors, setExportHasErrors] = useState(false);
  const [dataHasErrors, setDataHasErrors] = useState(false);
  const [erasureHasErrors, setErasureHasErrors] = useState(false);
  const [scopeRevision, setScopeRevision] = useState(0);
  const closed = request.flag.kind === 'closed';
  const says = useRightsTexts();
  const language = useLanguage();
  const date = (iso: string) => formatCalendarDate(iso, language);
  return (
    <>
      <PageTitle
        title={says.headings[request.type]}
        caption={request.requesterName}
        hasErrors={formHasErrors || dataHasErrors || exportHasErrors || erasureHasErrors}
      />
      <p className="govuk-body">
        <Tag colour={statusColours[request.status]}>{says.statuses[request.status]}</Tag>{' '}
        <Tag colour={flagColour(request.flag)}>{flagText(request.flag, says)}</Tag>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: says.dueDate,
                value: request.dueOn ? date(request.dueOn) : says.clockStoppedUntil,
              },
              { key: says.type, value: says.types[request.type] },
              { key: says.received, value: date(request.receivedOn) },
              { key: says.cameInBy, value: says.channels[request.channel] },
              {
                key: says.extended,
                value:
                  request.extensionMonths === 0
                    ? says.no
                    : request.extensionMonths === 1
                      ? says.byOneMonth
                      : says.byTwoMonths,
              },
              { key: says.requester, value: request.requesterName },
              { key: says.contact, value: <span className="ward-pre-wrap">{request.requesterContact}</span> },
              { key: says.caseReferenceQuotedKey, value: request.caseReference ?? says.none },
              { key: says.identity, value: says.identities[request.identityMethod] },
              ...(request.identityNote ? [{ key: says.identityNoteKey, value: request.identityNote }] : []),
              { key: says.owner, value: request.ownerName ?? says.nobody },
            ]}
          />
          {closed ? null : <ActionForm request={request} onChanged={onChanged} onErrorChange={setFormHasErrors} />}
          <ResidentData
            request={request}
            onErrorChange={setDataHasErrors}
            onScopeChange={() => setScopeRevision((r) => r + 1)}
          />
          <ExportPackSection request={request} onErrorChange={setExportHasErrors} />
          {closed || request.type !== 'erasure' ? null : (
            <EraseResidentSection
              requestId={request.id}
              scopeRevision={scopeRevision}
              onErrorChange={setErasureHasErrors}
            />
          )}
          <h2 className="govuk-heading-m">{says.history}</h2>
          <ol className="govuk-list ward-rights-history">
            {[...request.steps].reverse().map((step, index) => (
              <li key={`${step.at}-${index}`} className="govuk-!-margin-bottom-4">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{stepText(step, says)}</h3>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {step.action === 'status' || step.action === 'logged'
                    ? says.onRecorded(date(step.on), formatDateTime(step.at, language))
                    : formatDateTime(step.at, language)}
                  {step.actorName ? says.byActor(step.actorName) : ''}
                </p>
                {step.reason ? (
                  <p className="govuk-body-s govuk-!-margin-bottom-0">{says.reasonIs(step.reason)}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </>
  );
}

const actionIds: Record<ActionField, string> = {
  action: 'next-action',
  on: 'next-on',
  identityNote: 'next-identity-note',
  months: 'next-months',
  owner: 'next-owner',
  outcome: 'next-outcome',
  reason: 'next-reason',
};
const actionOrder: ActionField[] = ['action', 'on', 'identityNote', 'months', 'owner', 'outcome', 'reason'];

function ActionForm({
  request,
  onChanged,
  onErrorChange,
}: {
  request: RightsRequestDetail;
  onChanged: () => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  const says = useRightsTexts();
  const dates = useTexts(dateTexts);
  const language = useLanguage();
  const directory = useLoaded(fetchStaffDirectory);
  const [action, setAction] = useState<RightsAction | ''>('');
  const [on, setOn] = useState<TypedDate>({ day: '', month: '', year: '' });
  const [months, setMonths] = useState<'1' | '2' | ''>('');
  const [owner, setOwner] = useState('');
  const [outcome, setOutcome] = useState<RightsOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [identity, setIdentity] = useState<IdentityMethod | ''>('');
  const [identityNote, setIdentityNote] = useState('');
  const [onParts, setOnParts] = useState<DatePart[]>([]);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<ActionField>(
    (field) => (field === 'on' ? dateInputFieldId(actionIds.on, onParts) : actionIds[field]),
    actionOrder,
  );
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  const paused = request.flag.kind === 'paused';
  const choices: { value: RightsAction; label: string; hint?: string }[] = [
    ...(request.status === 'awaiting-identity'
      ? []
      : [{ value: 'awaiting-identity' as const, label: says.waitIdentity, hint: says.theClockStops }]),
    ...(request.status === 'awaiting-clarification'
      ? []
      : [
          {
            value: 'awaiting-clarification' as const,
            label: says.waitClarification,
            hint: says.theClockStops,
          },
        ]),
    ...(request.status === 'in-progress'
      ? []
      : [
          {
            value: 'in-progress' as const,
            label: paused ? says.resume : says.markInProgress,
            hint: paused ? says.clockRestarts : undefined,
          },
        ]),
    ...(paused || request.extensionMonths >= 2
      ? []
      : [{ value: 'extend' as const, label: says.extend, hint: says.extendHint }]),
    { value: 'assign', label: says.assign },
    { value: 'close', label: says.close },
  ];

  function check() {
    const checked = validateAction(
      {
        action,
        on,
        months,
        owner,
        outcome,
        reason,
        identity: action === 'in-progress' && request.status === 'awaiting-identity' ? identity : '',
        identityNote,
      },
      new Date(),
      says,
      dates,
    );
    setOnParts(checked.onParts);
    const next = checked.request;
    if (!next) return { errors: checked.errors };
    return {
      send: async () => {
        const updated =
          next.kind === 'status'
            ? await changeRightsStatus(request.id, next.body)
            : next.kind === 'extend'
              ? await extendRightsRequest(request.id, next.body)
              : next.kind === 'assign'
                ? await assignRightsRequest(request.id, next.body)
                : await closeRightsRequest(request.id, next.body);
        setAction('');
        setReason('');
        setIdentity('');
        setIdentityNote('');
        setOn({ day: '', month: '', year: '' });
        const due = updated.dueOn
          ? says.dueOn(formatCalendarDate(updated.dueOn, language))
          : flagText(updated.flag, says);
        announce(`${says.statuses[updated.status]}. ${due}`);
        onChanged();
      },
    };
  }

  const owners =
    directory.loaded.status === 'ready'
      ? directory.loaded.data.filter((s) => doesPrivacyWork(s.role) && s.id !== request.ownerId)
      : [];
  const needsReason = action === 'extend' || (action === 'close' && outcome === 'refused');

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="next-heading">
        {says.nextHeading}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="next-heading">
        <Radios
          id={actionIds.action}
          legend={says.chooseOne}
          items={choices}
          value={action}
          onValueChange={setAction}
          error={errors.action}
        />
        {action === 'awaiting-identity' || action === 'awaiting-clarification' || action === 'in-progress' ? (
          <DateInput
            id={actionIds.on}
            legend={says.onWhichDay}
            hint={says.onWhichDayHint}
            value={on}
            onValueChange={(part, value) => setOn((current) => ({ ...current, [part]: value }))}
            error={errors.on}
            errorParts={onParts}
          />
        ) : null}
        {action === 'in-progress' && request.status === 'awaiting-identity' ? (
          <>
            <Radios
              id="next-identity"
              legend={says.identityCheckedOptional}
              items={(Object.keys(says.identities) as IdentityMethod[])
                .filter((m) => m !== 'not-checked')
                .map((value) => ({ value, label: says.identities[value] }))}
              value={identity}
              onValueChange={setIdentity}
            />
            <Textarea
              id={actionIds.identityNote}
              label={says.identityNote}
              labelClassName="govuk-label--s"
              hint={says.identityNoteHint}
              rows={3}
              value={identityNote}
              onValueChange={setIdentityNote}
              error={errors.identityNote}
            />
          </>
        ) : null}
        {action === 'extend' ? (
          <Radios
            id={actionIds.months}
            legend={says.extendBy}
            items={[
              { value: '1' as const, label: says.oneMonth },
              ...(request.extensionMonths === 0 ? [{ value: '2' as const, label: says.twoMonths }] : []),
            ]}
            value={months}
            onValueChange={setMonths}
            error={errors.months}
          />
        ) : null}
        {action === 'assign' ? (
          <Select
            id={actionIds.owner}
            label={says.whoOwns}
            labelClassName="govuk-label--s"
            options={[
              { value: '', text: says.selectStaff },
              ...owners.map((s) => ({ value: s.id, text: s.displayName })),
            ]}
            value={owner}
            onValueChange={setOwner}
            error={errors.owner}
          />
        ) : null}
        {action === 'close' ? (
          <Radios
            id={actionIds.outcome}
            legend={says.howEnded}
            items={[
              { value: 'completed' as const, label: says.completedAnswer },
              { value: 'refused' as const, label: says.refused, hint: says.giveReason },
              { value: 'withdrawn' as const, label: says.withdrawnByResident },
            ]}
            value={outcome}
            onValueChange={setOutcome}
            error={errors.outcome}
          />
        ) : null}
        {action !== '' && action !== 'assign' ? (
          <Textarea
            id={actionIds.reason}
            label={needsReason ? says.reason : says.reasonOptional}
            labelClassName="govuk-label--s"
            hint={says.reasonHint}
            rows={3}
            value={reason}
            onValueChange={setReason}
            error={errors.reason}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.save}
        </button>
      </form>
    </>
  );
}
