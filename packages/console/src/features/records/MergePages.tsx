import type { CustomerRecordView, RecordSummary } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { mergeRecord, unmergeRecord } from '../../api/records.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { formatDate } from '../../ui/format.ts';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { WarningText } from '../../ui/WarningText.tsx';
import { goToRecord } from './record-flash.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { RecordSearchForm } from './RecordSearchForm.tsx';
import { RecordSubpage } from './RecordSubpage.tsx';
import { recordName } from './use-record.ts';
import { checkReason } from './validate-record.ts';

const targetId = 'merge-into';
const reasonId = 'merge-reason';

function describe(record: RecordSummary): string {
  const parts = [...record.emails, ...record.postcodes, ...record.phones];
  const contacts = `${record.cases} ${record.cases === 1 ? 'contact' : 'contacts'}${record.lastContactAt ? `, last on ${formatDate(record.lastContactAt)}` : ''}`;
  return [...parts, contacts].join(' · ');
}

/**
 * Merge this record (a duplicate) into another: find the other record (by case reference or
 * any identifier), choose it, give a reason, then confirm. Nothing is merged silently.
 */
function MergeFlow({ record }: { record: CustomerRecordView }) {
  const [results, setResults] = useState<RecordSummary[] | null>(null);
  const [searchHasErrors, setSearchHasErrors] = useState(false);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit({ target: targetId, reason: reasonId }, [
    'target',
    'reason',
  ]);
  const candidates = (results ?? []).filter((r) => r.id !== record.id);
  const chosen = candidates.find((r) => r.id === target);
  const name = recordName(record);
  // Moving between choosing and confirming replaces the page's content: its heading takes focus, as after a navigation.
  const shownStep = useRef(confirming);
  useEffect(() => {
    if (shownStep.current === confirming) return;
    shownStep.current = confirming;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [confirming]);

  // Continuing only moves on to the confirmation; nothing is sent yet.
  const checkChoice = () =>
    sendIfValid(
      {
        target: chosen ? undefined : 'Select the record to merge into',
        reason: checkReason(reason, 'the reason for merging these records') ?? undefined,
      },
      async () => setConfirming(true),
    );

  if (confirming && chosen) {
    return (
      <MergeConfirmation
        record={record}
        name={name}
        chosen={chosen}
        reason={reason.trim()}
        onBack={() => setConfirming(false)}
      />
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title="Merge this record into another" caption={name} hasErrors={hasErrors || searchHasErrors} />
        <p className="govuk-body">
          Find the resident’s other record, for example by the case reference of one of its contacts.
        </p>
        <RecordSearchForm
          idPrefix="merge-search"
          heading="Find the other record"
          submitText="Find records"
          onResults={(found) => (setResults(found), setTarget(''))}
          onErrorChange={setSearchHasErrors}
        />
        <div aria-live="polite">
          {results !== null && candidates.length === 0 ? (
            <p className="govuk-body">No other records match. Check what you entered.</p>
          ) : null}
          {candidates.length > 0 ? (
            <p className="govuk-body">{`${candidates.length} ${candidates.length === 1 ? 'record' : 'records'} found`}</p>
          ) : null}
        </div>
        {candidates.length > 0 ? (
          <form noValidate onSubmit={(event) => void submit(event, checkChoice)}>
            <Radios
              id={targetId}
              legend="Which record should this one be merged into?"
              legendClassName="govuk-fieldset__legend--m"
              items={candidates.map((r) => ({
                value: r.id,
                label: r.names[0] ?? 'Unnamed resident',
                hint: describe(r),
              }))}
              value={target}
              onValueChange={setTarget}
              error={errors.target}
            />
            <Textarea
              id={reasonId}
              label="Why are you merging these records?"
              labelClassName="govuk-label--s"
              hint="For example, the same resident with an old email address. This is kept in the audit trail."
              rows={3}
              value={reason}
              onValueChange={setReason}
              error={errors.reason}
              spellCheck
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** "Are you sure?": the last step of a merge, which only then is sent. */
function MergeConfirmation({
  record,
  name,
  chosen,
  reason,
  onBack,
}: {
  record: CustomerRecordView;
  name: string;
  chosen: RecordSummary;
  reason: string;
  onBack: () => void;
}) {
  const { summary, hasErrors, attempt, busy, submit } = useFormSubmit<never>({}, []);
  const merge = () => ({
    send: async () => goToRecord((await mergeRecord(record.id, chosen.id, reason)).id, 'Records merged'),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title="Are you sure you want to merge these records?" caption={name} hasErrors={hasErrors} />
        <p className="govuk-body">
          This record (<strong className="ward-break-anywhere">{name}</strong>) will be merged into the record of{' '}
          <strong className="ward-break-anywhere">{chosen.names[0] ?? 'an unnamed resident'}</strong> (
          {describe(chosen)}).
        </p>
        <WarningText>
          Their details and contacts will all show on the other record. Nothing is deleted, and you can undo the merge.
        </WarningText>
        <p className="govuk-body">
          Your reason: <span className="ward-break-anywhere">{reason}</span>
        </p>
        <form noValidate onSubmit={(event) => void submit(event, merge)}>
          <div className="govuk-button-group">
            <button
              type="submit"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              aria-disabled={busy || undefined}
            >
              Yes, merge these records
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={onBack}
            >
              No, go back
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function MergeRecordPage({ recordId }: { recordId: string }) {
  return (
    <RecordSubpage recordId={recordId} title="Merge this record into another">
      {(record) =>
        record.id === recordId ? (
          <MergeFlow record={record} />
        ) : (
          <>
            <PageTitle title="This record is already merged" />
            <p className="govuk-body">
              <Link className="govuk-link" href={pathTo(paths.record, { recordId: record.id })}>
                Go to the record it was merged into
              </Link>
            </p>
          </>
        )
      }
    </RecordSubpage>
  );
}

function UnmergeForm({ recordId, survivor }: { recordId: string; survivor: CustomerRecordView }) {
  return (
    <ReasonForm
      title="Undo a merge"
      caption={recordName(survivor)}
      intro="The merged record will stand on its own again, with its own details and contacts."
      reasonId={reasonId}
      reasonLabel="Why are you undoing the merge?"
      reasonHint="For example, they are two different residents. This is kept in the audit trail."
      reasonWhat="the reason for undoing the merge"
      submitText="Undo merge"
      cancelHref={pathTo(paths.record, { recordId: survivor.id })}
      send={async (reason) =>
        goToRecord((await unmergeRecord(recordId, reason)).id, 'Merge undone: this record stands on its own again')
      }
    />
  );
}

/** `recordId` is the record that was merged; the server answers with the record it was merged into. */
export function UnmergeRecordPage({ recordId }: { recordId: string }) {
  return (
    <RecordSubpage recordId={recordId} title="Undo a merge">
      {(survivor) =>
        survivor.merged.some((m) => m.recordId === recordId) ? (
          <UnmergeForm recordId={recordId} survivor={survivor} />
        ) : (
          <>
            <PageTitle title="This record is not merged" />
            <p className="govuk-body">
              <Link className="govuk-link" href={pathTo(paths.record, { recordId: survivor.id })}>
                Go to the record
              </Link>
            </p>
          </>
        )
      }
    </RecordSubpage>
  );
}
