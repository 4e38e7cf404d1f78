import type { CustomerRecordView, Language, RecordSummary } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { mergeRecord, unmergeRecord } from '../../api/records.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { useLanguage } from '../../i18n/language.tsx';
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
import type { RecordsTexts } from './texts-en.ts';
import { useRecordsTexts } from './texts.ts';

const targetId = 'merge-into';
const reasonId = 'merge-reason';

function describe(record: RecordSummary, texts: RecordsTexts, language: Language): string {
  const parts = [...record.emails, ...record.postcodes, ...record.phones];
  const count = (record.cases === 1 ? texts.oneContact : texts.manyContacts)(record.cases);
  const last = record.lastContactAt ? texts.lastOn(formatDate(record.lastContactAt, language)) : '';
  return [...parts, `${count}${last}`].join(' · ');
}

/**
 * Merge this record (a duplicate) into another: find the other record (by case reference or
 * any identifier), choose it, give a reason, then confirm. Nothing is merged silently.
 */
function MergeFlow({ record }: { record: CustomerRecordView }) {
  const texts = useRecordsTexts();
  const language = useLanguage();
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
  const name = recordName(record, texts.unnamed);
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
        target: chosen ? undefined : texts.errors.selectTarget,
        reason: checkReason(reason, texts.errors.enterMergeReason, texts.errors) ?? undefined,
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
        <PageTitle title={texts.mergeLink} caption={name} hasErrors={hasErrors || searchHasErrors} />
        <p className="govuk-body">{texts.findOtherIntro}</p>
        <RecordSearchForm
          idPrefix="merge-search"
          heading={texts.findOther}
          submitText={texts.findRecords}
          onResults={(found) => (setResults(found), setTarget(''))}
          onErrorChange={setSearchHasErrors}
        />
        <div aria-live="polite">
          {results !== null && candidates.length === 0 ? <p className="govuk-body">{texts.noOtherMatch}</p> : null}
          {candidates.length > 0 ? (
            <p className="govuk-body">
              {(candidates.length === 1 ? texts.oneRecordFound : texts.recordsFound)(candidates.length)}
            </p>
          ) : null}
        </div>
        {candidates.length > 0 ? (
          <form noValidate onSubmit={(event) => void submit(event, checkChoice)}>
            <Radios
              id={targetId}
              legend={texts.whichRecord}
              legendClassName="govuk-fieldset__legend--m"
              items={candidates.map((r) => ({
                value: r.id,
                label: r.names[0] ?? texts.unnamed,
                hint: describe(r, texts, language),
              }))}
              value={target}
              onValueChange={setTarget}
              error={errors.target}
            />
            <Textarea
              id={reasonId}
              label={texts.whyMerging}
              labelClassName="govuk-label--s"
              hint={texts.whyMergingHint}
              rows={3}
              value={reason}
              onValueChange={setReason}
              error={errors.reason}
              spellCheck
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {texts.continue}
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
  const texts = useRecordsTexts();
  const language = useLanguage();
  const { summary, hasErrors, attempt, busy, submit } = useFormSubmit<never>({}, []);
  const merge = () => ({
    send: async () => goToRecord((await mergeRecord(record.id, chosen.id, reason)).id, texts.recordsMerged),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={texts.confirmMerge} caption={name} hasErrors={hasErrors} />
        <p className="govuk-body">
          {texts.thisRecord}
          <strong className="ward-break-anywhere">{name}</strong>
          {texts.willBeMergedInto}
          <strong className="ward-break-anywhere">{chosen.names[0] ?? texts.anUnnamedResident}</strong> (
          {describe(chosen, texts, language)}).
        </p>
        <WarningText>{texts.mergeWarning}</WarningText>
        <p className="govuk-body">
          {texts.yourReason}
          <span className="ward-break-anywhere">{reason}</span>
        </p>
        <form noValidate onSubmit={(event) => void submit(event, merge)}>
          <div className="govuk-button-group">
            <button
              type="submit"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              aria-disabled={busy || undefined}
            >
              {texts.yesMerge}
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={onBack}
            >
              {texts.noGoBack}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function MergeRecordPage({ recordId }: { recordId: string }) {
  const texts = useRecordsTexts();
  return (
    <RecordSubpage recordId={recordId} title={texts.mergeLink}>
      {(record) =>
        record.id === recordId ? (
          <MergeFlow record={record} />
        ) : (
          <>
            <PageTitle title={texts.alreadyMerged} />
            <p className="govuk-body">
              <Link className="govuk-link" href={pathTo(paths.record, { recordId: record.id })}>
                {texts.goToSurvivor}
              </Link>
            </p>
          </>
        )
      }
    </RecordSubpage>
  );
}

function UnmergeForm({ recordId, survivor }: { recordId: string; survivor: CustomerRecordView }) {
  const texts = useRecordsTexts();
  return (
    <ReasonForm
      title={texts.undoMerge}
      caption={recordName(survivor, texts.unnamed)}
      intro={texts.undoIntro}
      reasonId={reasonId}
      reasonLabel={texts.whyUndo}
      reasonHint={texts.whyUndoHint}
      reasonMissing={texts.errors.enterUndoReason}
      submitText={texts.undoButton}
      cancelHref={pathTo(paths.record, { recordId: survivor.id })}
      send={async (reason) => goToRecord((await unmergeRecord(recordId, reason)).id, texts.mergeUndone)}
    />
  );
}

/** `recordId` is the record that was merged; the server answers with the record it was merged into. */
export function UnmergeRecordPage({ recordId }: { recordId: string }) {
  const texts = useRecordsTexts();
  return (
    <RecordSubpage recordId={recordId} title={texts.undoMerge}>
      {(survivor) =>
        survivor.merged.some((m) => m.recordId === recordId) ? (
          <UnmergeForm recordId={recordId} survivor={survivor} />
        ) : (
          <>
            <PageTitle title={texts.notMerged} />
            <p className="govuk-body">
              <Link className="govuk-link" href={pathTo(paths.record, { recordId: survivor.id })}>
                {texts.goToRecord}
              </Link>
            </p>
          </>
        )
      }
    </RecordSubpage>
  );
}
