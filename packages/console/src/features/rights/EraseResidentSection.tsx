import type { EraseSubjectBody, ErasurePreview, ErasureResult } from '@ward/protocol';
import { useEffect, useMemo, useRef, useState } from 'react';
import { eraseResident, previewErasure } from '../../api/rights.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { WarningText } from '../../ui/WarningText.tsx';
import { ErasureChoices } from './ErasureChoices.tsx';
import { ErasurePlanSummary } from './ErasurePlanSummary.tsx';
import { itemNames, keys } from './erasure-wording.ts';
import { erasureFieldId, erasureFieldOrder, validateErasure, type ErasureAnswers } from './validate-erasure.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "Erase the resident's data" on an open erasure request (ADR 35): everything or only the items
 * chosen, any item kept with its exemption and reason; the preview shows what goes, what stays and
 * why, and who to tell; then the reason, an "Are you sure" step, and what was done.
 */
export function EraseResidentSection({
  requestId,
  scopeRevision,
  onErrorChange,
}: {
  requestId: string;
  /** Changes when the officer confirms or removes data above: the preview is worked out again. */
  scopeRevision: number;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  // Everything in scope: what the officer chooses from (items under a legal hold are never chosen).
  const everything = useLoaded(() => previewErasure(requestId), `${requestId}:${scopeRevision}`);
  const items = everything.loaded.status === 'ready' ? everything.loaded.data.erase : [];
  const names = useMemo(() => itemNames(items), [items]);
  const [answers, setAnswers] = useState<ErasureAnswers>({
    mode: 'all',
    chosen: new Set(),
    keep: new Map(),
    reason: '',
  });
  const [shown, setShown] = useState<ErasurePreview | null>(null);
  const [result, setResult] = useState<ErasureResult | null>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(erasureFieldId, erasureFieldOrder(items));
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);
  // A preview of choices made on the scope as it was is no longer true.
  useEffect(() => setShown(null), [scopeRevision]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  const confirmation = useConfirmation(async (body: EraseSubjectBody) => {
    const done = await eraseResident(requestId, body);
    setResult(done);
    announce(
      `Erased ${plural(done.erase.length, 'item', 'items')}, kept ${done.kept.length}; ${keys(done.destroyedKeys)} destroyed`,
    );
  });

  if (result)
    return (
      <section aria-labelledby="erase-done">
        <h2 className="govuk-heading-m" id="erase-done" ref={resultHeading} tabIndex={-1}>
          The resident’s data was erased
        </h2>
        <ErasurePlanSummary preview={result} done />
        <p className="govuk-body">Close the request once you have told the resident and those listed above.</p>
      </section>
    );

  const change = (next: ErasureAnswers) => {
    setAnswers(next);
    // The choices changed: an "Are you sure" asked about the old ones is withdrawn.
    if (confirmation.confirming !== null) confirmation.cancel();
  };
  const preview = shown ?? (everything.loaded.status === 'ready' ? everything.loaded.data : null);

  return (
    <section aria-labelledby="erase-heading">
      <h2 className="govuk-heading-m" id="erase-heading">
        Erase the resident’s data
      </h2>
      {everything.loaded.status === 'loading' ? <Loading text="Working out what would be erased…" /> : null}
      {everything.loaded.status === 'error' ? <LoadError message={everything.loaded.message} /> : null}
      {preview ? (
        <>
          <ErrorSummary errors={summary} attempt={attempt} />
          <form
            noValidate
            aria-labelledby="erase-heading"
            onSubmit={(event) => {
              const submitter = (event.nativeEvent as SubmitEvent).submitter;
              const erasing = submitter?.id !== 'erase-preview';
              void submit(event, () => {
                const checked = validateErasure(items, answers, erasing);
                if (!checked.preview) return { errors: checked.errors };
                const body = checked.preview;
                return {
                  send: async () => {
                    const next = await previewErasure(requestId, body);
                    setShown(next);
                    announce(
                      `Preview updated: ${plural(next.erase.length, 'item', 'items')} to erase, ${next.kept.length} kept, ${next.notChosen.length} not chosen`,
                    );
                    if (checked.erase && eraseButton.current) confirmation.ask(checked.erase, eraseButton.current);
                  },
                };
              });
            }}
          >
            {items.length > 0 ? (
              <ErasureChoices items={items} names={names} answers={answers} onChange={change} errors={errors} />
            ) : null}
            <button type="submit" id="erase-preview" className="govuk-button govuk-button--secondary" disabled={busy}>
              Update the preview
            </button>
            <div aria-labelledby="erase-preview-heading" role="region">
              <h3 className="govuk-visually-hidden" id="erase-preview-heading">
                Preview
              </h3>
              <ErasurePlanSummary preview={preview} done={false} />
            </div>
            <Textarea
              id="erase-reason"
              label="Reason for the erasure"
              labelClassName="govuk-label--s"
              hint="Kept in the audit trail. Card and bank numbers are removed."
              rows={3}
              value={answers.reason}
              onValueChange={(reason) => change({ ...answers, reason })}
              error={errors.reason}
            />
            <button
              type="submit"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              ref={eraseButton}
            >
              Erase the resident’s data
            </button>
          </form>
          {confirmation.confirming !== null ? (
            <ConfirmPanel
              confirmation={confirmation}
              item={confirmation.confirming}
              id="erase-confirm"
              question="Are you sure you want to erase the resident’s data?"
              confirmText="Yes, erase it"
            >
              <WarningText>Erasure cannot be undone. The data and its keys are destroyed, in backups too.</WarningText>
            </ConfirmPanel>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
