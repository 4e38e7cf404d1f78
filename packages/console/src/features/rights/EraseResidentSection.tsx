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
import { countText } from './subject-finder-wording.ts';
import { useRightsDataTexts } from './texts.ts';

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
  const says = useRightsDataTexts();
  // Everything in scope: what the officer chooses from (items under a legal hold are never chosen).
  const everything = useLoaded(() => previewErasure(requestId), `${requestId}:${scopeRevision}`);
  const items = everything.loaded.status === 'ready' ? everything.loaded.data.erase : [];
  const names = useMemo(() => itemNames(items, says), [items, says]);
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
      says.erased(countText(done.erase.length, says.counted.item), done.kept.length, keys(done.destroyedKeys, says)),
    );
  });

  if (result)
    return (
      <section aria-labelledby="erase-done">
        <h2 className="govuk-heading-m" id="erase-done" ref={resultHeading} tabIndex={-1}>
          {says.erasedHeading}
        </h2>
        <ErasurePlanSummary preview={result} done />
        <p className="govuk-body">{says.closeOnceTold}</p>
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
        {says.eraseHeading}
      </h2>
      {everything.loaded.status === 'loading' ? <Loading text={says.workingOut} /> : null}
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
                const checked = validateErasure(items, answers, erasing, says);
                if (!checked.preview) return { errors: checked.errors };
                const body = checked.preview;
                return {
                  send: async () => {
                    const next = await previewErasure(requestId, body);
                    setShown(next);
                    announce(
                      says.previewUpdated(
                        countText(next.erase.length, says.counted.item),
                        next.kept.length,
                        next.notChosen.length,
                      ),
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
              {says.updatePreview}
            </button>
            <div aria-labelledby="erase-preview-heading" role="region">
              <h3 className="govuk-visually-hidden" id="erase-preview-heading">
                {says.preview}
              </h3>
              <ErasurePlanSummary preview={preview} done={false} />
            </div>
            <Textarea
              id="erase-reason"
              label={says.erasureReason}
              labelClassName="govuk-label--s"
              hint={says.erasureReasonHint}
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
              {says.eraseHeading}
            </button>
          </form>
          {confirmation.confirming !== null ? (
            <ConfirmPanel
              confirmation={confirmation}
              item={confirmation.confirming}
              id="erase-confirm"
              question={says.eraseQuestion}
              confirmText={says.yesErase}
            >
              <WarningText>{says.cannotBeUndone}</WarningText>
            </ConfirmPanel>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
