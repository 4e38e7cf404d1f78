import type { ErasureExemption, ErasureItemKind, ErasurePreview, ErasureResult } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { eraseResident, previewErasure } from '../../api/rights.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { WarningText } from '../../ui/WarningText.tsx';
import { formatCalendarDate } from './rights-wording.ts';

const kindNames: Record<ErasureItemKind, [string, string]> = {
  'customer-record': ['customer record', 'customer records'],
  case: ['case', 'cases'],
  chat: ['chat', 'chats'],
  'form-submission': ['form', 'forms'],
  email: ['email', 'emails'],
  disclosure: ['disclosure', 'disclosures'],
};
const exemptionNames: Record<ErasureExemption, string> = {
  'legal-hold': 'under a legal hold',
  'legal-obligation': 'kept for a legal obligation',
  'legal-claims': 'kept for legal claims',
};
const count = (n: number, kind: ErasureItemKind) => `${n} ${kindNames[kind][n === 1 ? 0 : 1]}`;
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const keys = (n: number) => `${n} data ${n === 1 ? 'key' : 'keys'}`;

/** "3 chats, 1 case…": what a list of items comes to, kind by kind. */
function counted(items: ErasurePreview['erase']): string[] {
  const byKind = new Map<ErasureItemKind, number>();
  for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => count(n, kind));
}

function WhatHappens({ preview, done }: { preview: ErasurePreview; done: boolean }) {
  const tell = preview.recipients;
  const told = tell.disclosures.length + tell.transcripts.length + tell.webhooks.length;
  return (
    <>
      <h3 className="govuk-heading-s">{done ? 'What was erased' : 'What will be erased'}</h3>
      {preview.erase.length === 0 ? (
        <p className="govuk-body">Nothing: everything in scope is kept.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {counted(preview.erase).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            {keys(preview.keys.destroy)} {done ? 'destroyed' : 'to be destroyed'}, so copies in backups can no longer be
            read
          </li>
        </ul>
      )}
      <h3 className="govuk-heading-s">{done ? 'What was kept, and why' : 'What stays, and why'}</h3>
      {preview.kept.length === 0 ? (
        <p className="govuk-body">Nothing is kept.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {preview.kept.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              {capitalised(kindNames[item.kind][0])}
              {item.caseReference ? ` ${item.caseReference}` : ''}: {exemptionNames[item.exemption]}
              {item.reason ? ` (${item.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
      {preview.keys.keep > 0 ? (
        <p className="govuk-body">
          {preview.keys.keep === 1
            ? '1 data key stays: it also protects what is kept.'
            : `${keys(preview.keys.keep)} stay: they also protect what is kept.`}
        </p>
      ) : null}
      <h3 className="govuk-heading-s">Who to tell</h3>
      {told === 0 ? (
        <p className="govuk-body">Nobody else received this resident’s data.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {tell.disclosures.map((d) => (
            <li key={`d-${d.caseReference}-${d.recipientOrganisation}-${d.disclosedOn}`}>
              {d.recipientOrganisation}: data disclosed on {formatCalendarDate(d.disclosedOn)} (case {d.caseReference})
            </li>
          ))}
          {tell.transcripts.map((t) => (
            <li key={`t-${t.caseReference}`}>
              The resident: the transcript of chat {t.caseReference} was emailed on {formatDateTime(t.requestedAt)}
            </li>
          ))}
          {tell.webhooks.map((w) => (
            <li key={`w-${w.url}`}>
              The system behind the webhook {w.description ?? w.url}: told of {w.events.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * "Erase the resident's data" on an open erasure request (ADR 35): what goes, what stays and why,
 * who to tell; then the reason, an "Are you sure" step, and what was done.
 */
export function EraseResidentSection({
  requestId,
  onErrorChange,
}: {
  requestId: string;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  const preview = useLoaded(() => previewErasure(requestId), requestId);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ErasureResult | null>(null);
  const continueButton = useRef<HTMLButtonElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit<'reason'>(() => 'erase-reason', ['reason']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  const confirmation = useConfirmation(async (typed: string) => {
    const done = await eraseResident(requestId, { reason: typed });
    setResult(done);
    announce(
      `Erased ${done.erase.length} ${done.erase.length === 1 ? 'item' : 'items'}; ${keys(done.destroyedKeys)} destroyed`,
    );
  });

  if (result)
    return (
      <section aria-labelledby="erase-done">
        <h2 className="govuk-heading-m" id="erase-done" ref={resultHeading} tabIndex={-1}>
          The resident’s data was erased
        </h2>
        <WhatHappens preview={result} done />
        <p className="govuk-body">Close the request once you have told the resident and those listed above.</p>
      </section>
    );

  return (
    <section aria-labelledby="erase-heading">
      <h2 className="govuk-heading-m" id="erase-heading">
        Erase the resident’s data
      </h2>
      {preview.loaded.status === 'loading' ? <Loading text="Working out what would be erased…" /> : null}
      {preview.loaded.status === 'error' ? <LoadError message={preview.loaded.message} /> : null}
      {preview.loaded.status === 'ready' ? (
        <>
          <WhatHappens preview={preview.loaded.data} done={false} />
          <ErrorSummary errors={summary} attempt={attempt} />
          <form
            noValidate
            aria-labelledby="erase-heading"
            onSubmit={(event) =>
              void submit(event, () =>
                reason.trim()
                  ? {
                      send: async () => {
                        if (continueButton.current) confirmation.ask(reason.trim(), continueButton.current);
                      },
                    }
                  : { errors: { reason: 'Enter the reason for the erasure' } },
              )
            }
          >
            <Textarea
              id="erase-reason"
              label="Reason for the erasure"
              labelClassName="govuk-label--s"
              hint="Kept in the audit trail. Card and bank numbers are removed."
              rows={3}
              value={reason}
              onValueChange={setReason}
              error={errors.reason}
            />
            <button
              type="submit"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              ref={continueButton}
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
