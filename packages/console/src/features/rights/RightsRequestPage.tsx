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
import {
  channelNames,
  flagColour,
  flagText,
  formatCalendarDate,
  identityNames,
  requestHeadings,
  statusTags,
  stepText,
  typeNames,
} from './rights-wording.ts';
import { ResidentData } from './ResidentData.tsx';
import { validateAction, type ActionField, type RightsAction } from './validate-rights.ts';
import { ExportPackSection } from './ExportPackSection.tsx';
import { EraseResidentSection } from './EraseResidentSection.tsx';

/** One rights request: its details, deadline, history, and what happens next. */
export function RightsRequestPage({ requestId }: { requestId: string }) {
  const { loaded, reload } = useLoaded(() => fetchRightsRequest(requestId), requestId);
  return (
    <>
      <Link className="govuk-back-link" href={paths.rightsRequests}>
        All requests
      </Link>
      {loaded.status === 'loading' ? <Loading text="Loading the request…" /> : null}
      {loaded.status === 'error' ? (
        <>
          <PageTitle title="Request" />
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
  return (
    <>
      <PageTitle
        title={requestHeadings[request.type]}
        caption={request.requesterName}
        hasErrors={formHasErrors || dataHasErrors || exportHasErrors || erasureHasErrors}
      />
      <p className="govuk-body">
        <Tag colour={statusTags[request.status].colour}>{statusTags[request.status].text}</Tag>{' '}
        <Tag colour={flagColour(request.flag)}>{flagText(request.flag)}</Tag>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: 'Due date',
                value: request.dueOn
                  ? formatCalendarDate(request.dueOn)
                  : 'The clock is stopped until the request is back in progress',
              },
              { key: 'Type', value: typeNames[request.type] },
              { key: 'Received', value: formatCalendarDate(request.receivedOn) },
              { key: 'Came in by', value: channelNames[request.channel] },
              {
                key: 'Extended',
                value:
                  request.extensionMonths === 0
                    ? 'No'
                    : `By ${request.extensionMonths === 1 ? 'one month' : 'two months'}`,
              },
              { key: 'Requester', value: request.requesterName },
              { key: 'Contact', value: <span className="ward-pre-wrap">{request.requesterContact}</span> },
              { key: 'Case reference quoted', value: request.caseReference ?? 'None' },
              { key: 'Identity', value: identityNames[request.identityMethod] },
              ...(request.identityNote ? [{ key: 'Note about identity', value: request.identityNote }] : []),
              { key: 'Owner', value: request.ownerName ?? 'Nobody' },
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
          <h2 className="govuk-heading-m">History</h2>
          <ol className="govuk-list ward-rights-history">
            {[...request.steps].reverse().map((step, index) => (
              <li key={`${step.at}-${index}`} className="govuk-!-margin-bottom-4">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{stepText(step)}</h3>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {step.action === 'status' || step.action === 'logged'
                    ? `On ${formatCalendarDate(step.on)}, recorded ${formatDateTime(step.at)}`
                    : formatDateTime(step.at)}
                  {step.actorName ? ` by ${step.actorName}` : ''}
                </p>
                {step.reason ? <p className="govuk-body-s govuk-!-margin-bottom-0">Reason: {step.reason}</p> : null}
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
      : [{ value: 'awaiting-identity' as const, label: 'Wait for proof of identity', hint: 'The clock stops' }]),
    ...(request.status === 'awaiting-clarification'
      ? []
      : [
          {
            value: 'awaiting-clarification' as const,
            label: 'Wait for clarification',
            hint: 'The clock stops',
          },
        ]),
    ...(request.status === 'in-progress'
      ? []
      : [
          {
            value: 'in-progress' as const,
            label: paused ? 'Resume: back in progress' : 'Mark as in progress',
            hint: paused ? 'The clock restarts with the days that were left' : undefined,
          },
        ]),
    ...(paused || request.extensionMonths >= 2
      ? []
      : [{ value: 'extend' as const, label: 'Extend the deadline', hint: 'By up to two months in all' }]),
    { value: 'assign', label: 'Give it to someone else' },
    { value: 'close', label: 'Close the request' },
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
        announce(
          `${statusTags[updated.status].text}. ${updated.dueOn ? `Due on ${formatCalendarDate(updated.dueOn)}` : flagText(updated.flag)}`,
        );
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
        What happens next
      </h2>
      <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby="next-heading">
        <Radios
          id={actionIds.action}
          legend="Choose one"
          items={choices}
          value={action}
          onValueChange={setAction}
          error={errors.action}
        />
        {action === 'awaiting-identity' || action === 'awaiting-clarification' || action === 'in-progress' ? (
          <DateInput
            id={actionIds.on}
            legend="On which day? (optional)"
            hint="Leave blank for today. For example, 27 3 2026"
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
              legend="How was their identity checked? (optional)"
              items={(Object.keys(identityNames) as IdentityMethod[])
                .filter((m) => m !== 'not-checked')
                .map((value) => ({ value, label: identityNames[value] }))}
              value={identity}
              onValueChange={setIdentity}
            />
            <Textarea
              id={actionIds.identityNote}
              label="Note about identity (optional)"
              labelClassName="govuk-label--s"
              hint="Which documents you saw, for example. Card and bank numbers are removed."
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
            legend="Extend by"
            items={[
              { value: '1' as const, label: 'One month' },
              ...(request.extensionMonths === 0 ? [{ value: '2' as const, label: 'Two months' }] : []),
            ]}
            value={months}
            onValueChange={setMonths}
            error={errors.months}
          />
        ) : null}
        {action === 'assign' ? (
          <Select
            id={actionIds.owner}
            label="Who owns the request now?"
            labelClassName="govuk-label--s"
            options={[
              { value: '', text: 'Select a member of staff' },
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
            legend="How did it end?"
            items={[
              { value: 'completed' as const, label: 'Completed: the resident has their answer' },
              { value: 'refused' as const, label: 'Refused', hint: 'Give the reason' },
              { value: 'withdrawn' as const, label: 'Withdrawn by the resident' },
            ]}
            value={outcome}
            onValueChange={setOutcome}
            error={errors.outcome}
          />
        ) : null}
        {action !== '' && action !== 'assign' ? (
          <Textarea
            id={actionIds.reason}
            label={needsReason ? 'Reason' : 'Reason (optional)'}
            labelClassName="govuk-label--s"
            hint="Kept in the request's history. Card and bank numbers are removed."
            rows={3}
            value={reason}
            onValueChange={setReason}
            error={errors.reason}
          />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Save
        </button>
      </form>
    </>
  );
}
