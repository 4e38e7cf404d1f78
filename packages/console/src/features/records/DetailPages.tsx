import type { CustomerRecordView, RecordDetailKind, RecordDetailValue } from '@ward/protocol';
import { useState } from 'react';
import { addRecordDetail, amendRecordDetail, removeRecordDetail } from '../../api/records.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { ErrorSummary, type ErrorItem } from '../../ui/ErrorSummary.tsx';
import { Radios, Textarea } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import type { FieldErrors } from '../../ui/validation.ts';
import { DetailFields, detailFieldId } from './DetailFields.tsx';
import { goToRecord } from './record-flash.ts';
import { detailKindsIn, formatDetail, kindLabel } from './record-wording.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { RecordSubpage } from './RecordSubpage.tsx';
import { recordName } from './use-record.ts';
import type { RecordsTexts } from './texts-en.ts';
import { useRecordsTexts } from './texts.ts';
import {
  checkReason,
  detailFields,
  emptyDetail,
  validateDetail,
  type DetailField,
  type TypedDetail,
} from './validate-record.ts';

const prefix = 'detail';
const reasonId = 'change-reason';
const kindId = 'detail-kind';

/** What a stored value looks like typed back into its form, to change it. */
function typedFrom(value: RecordDetailValue): TypedDetail {
  switch (value.kind) {
    case 'name':
      return { ...emptyDetail, name: value.name };
    case 'address':
      return {
        ...emptyDetail,
        line1: value.lines[0] ?? '',
        line2: value.lines.slice(1).join(', '),
        town: value.town ?? '',
        postcode: value.postcode,
        uprn: value.uprn ?? '',
      };
    case 'phone':
      return { ...emptyDetail, number: value.number, label: value.label ?? '' };
    case 'email':
      return { ...emptyDetail, email: value.address };
    case 'social-handle':
      return { ...emptyDetail, platform: value.platform, handle: value.handle };
    case 'contact-preference':
      return { ...emptyDetail, preference: value.preference };
    case 'note':
      return { ...emptyDetail, note: value.text };
  }
}

function ReasonField({
  value,
  onChange,
  error,
  required,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required: boolean;
}) {
  const texts = useRecordsTexts();
  return (
    <Textarea
      id={reasonId}
      label={required ? texts.reasonForChange : texts.reasonForAdding}
      labelClassName="govuk-label--s"
      hint={texts.reasonHint}
      rows={3}
      value={value}
      onValueChange={onChange}
      error={error}
      spellCheck
    />
  );
}

type Submit = (value: ReturnType<typeof validateDetail> | null, reason: string) => FormCheck<DetailField | 'reason'>;

/** The form shared by adding and changing a value: the value's fields, a reason, and the server's answer. */
function DetailForm({
  kind,
  initial,
  reasonRequired,
  submitText,
  cancelHref,
  onSubmit,
  title,
  caption,
  kindChoice,
}: {
  kind: RecordDetailKind | null;
  initial: TypedDetail;
  reasonRequired: boolean;
  submitText: string;
  cancelHref: string;
  onSubmit: Submit;
  title: string;
  caption: string;
  kindChoice?: { value: RecordDetailKind | ''; onChange: (kind: RecordDetailKind) => void; error?: string };
}) {
  const texts = useRecordsTexts();
  const [typed, setTyped] = useState(initial);
  const [reason, setReason] = useState('');
  const fields = kind ? detailFields[kind] : [];
  const ids = { ...Object.fromEntries(fields.map((f) => [f, detailFieldId(prefix, f)])), reason: reasonId } as Record<
    DetailField | 'reason',
    string
  >;
  const form = useFormSubmit(ids, [...fields, 'reason']);
  const { errors, attempt, busy, submit } = form;
  const summary: ErrorItem[] = [
    ...(kindChoice?.error ? [{ fieldId: kindId, text: kindChoice.error }] : []),
    ...form.summary,
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={title} caption={caption} hasErrors={summary.length > 0} />
        <form
          noValidate
          onSubmit={(event) =>
            void submit(event, () => onSubmit(kind ? validateDetail(kind, typed, texts.errors) : null, reason))
          }
        >
          {kindChoice ? (
            <Radios
              id={kindId}
              legend={texts.whatToAdd}
              items={detailKindsIn(texts).map((k) => ({ value: k.kind, label: k.label }))}
              value={kindChoice.value}
              onValueChange={kindChoice.onChange}
              error={kindChoice.error}
            />
          ) : null}
          {kind ? (
            <DetailFields
              idPrefix={prefix}
              kind={kind}
              typed={typed}
              errors={errors}
              onChange={(field, value) => setTyped((t) => ({ ...t, [field]: value }))}
            />
          ) : null}
          <ReasonField value={reason} onChange={setReason} error={errors.reason} required={reasonRequired} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
              {submitText}
            </button>
            <Link className="govuk-link" href={cancelHref}>
              {texts.cancel}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

/** Errors from the value's check and the reason's, together. */
function withReason(
  checked: ReturnType<typeof validateDetail> | null,
  reason: string,
  required: boolean,
  says: RecordsTexts['errors'],
): FieldErrors<DetailField | 'reason'> | null {
  const reasonError = required || reason.trim() ? checkReason(reason, says.enterReason, says) : null;
  const errors: FieldErrors<DetailField | 'reason'> = {
    ...(checked && 'errors' in checked ? checked.errors : {}),
    ...(reasonError ? { reason: reasonError } : {}),
  };
  return Object.keys(errors).length > 0 ? errors : null;
}

export function AddDetailPage({ recordId }: { recordId: string }) {
  const [kind, setKind] = useState<RecordDetailKind | ''>('');
  const [kindError, setKindError] = useState<string | undefined>();
  const texts = useRecordsTexts();
  return (
    <RecordSubpage recordId={recordId} title={texts.addDetail}>
      {(record) => (
        <DetailForm
          kind={kind || null}
          initial={emptyDetail}
          reasonRequired={false}
          title={texts.addDetail}
          caption={recordName(record, texts.unnamed)}
          submitText={texts.addButton}
          cancelHref={pathTo(paths.record, { recordId: record.id })}
          kindChoice={{ value: kind, onChange: (k) => (setKind(k), setKindError(undefined)), error: kindError }}
          onSubmit={(checked, reason) => {
            setKindError(kind ? undefined : texts.errors.selectKind);
            const errors = withReason(checked, reason, false, texts.errors);
            if (errors || !checked || !('value' in checked)) return { errors: errors ?? {} };
            return {
              send: async () =>
                goToRecord(
                  (await addRecordDetail(record.id, checked.value, reason.trim() || undefined)).id,
                  texts.added(kindLabel(checked.value.kind, texts)),
                ),
            };
          }}
        />
      )}
    </RecordSubpage>
  );
}

function detailOf(record: CustomerRecordView, detailId: string) {
  return record.details.find((d) => d.id === detailId);
}

function NoSuchDetail({ record }: { record: CustomerRecordView }) {
  const texts = useRecordsTexts();
  return (
    <>
      <PageTitle title={texts.cannotChange} />
      <p className="govuk-body">{texts.cannotChangeExplained}</p>
      <p className="govuk-body">
        <Link className="govuk-link" href={pathTo(paths.record, { recordId: record.id })}>
          {texts.goToRecord}
        </Link>
      </p>
    </>
  );
}

export function ChangeDetailPage({ recordId, detailId }: { recordId: string; detailId: string }) {
  const texts = useRecordsTexts();
  return (
    <RecordSubpage recordId={recordId} title={texts.changeDetail}>
      {(record) => {
        const detail = detailOf(record, detailId);
        if (!detail) return <NoSuchDetail record={record} />;
        const label = kindLabel(detail.kind, texts);
        return (
          <DetailForm
            kind={detail.kind}
            initial={typedFrom(detail.value)}
            reasonRequired
            title={texts.changeKind(label.toLowerCase())}
            caption={recordName(record, texts.unnamed)}
            submitText={texts.saveKind(label.toLowerCase())}
            cancelHref={pathTo(paths.record, { recordId: record.id })}
            onSubmit={(checked, reason) => {
              const errors = withReason(checked, reason, true, texts.errors);
              if (errors || !checked || !('value' in checked)) return { errors: errors ?? {} };
              return {
                send: async () =>
                  goToRecord(
                    (await amendRecordDetail(record.id, detail.id, checked.value, reason.trim())).id,
                    texts.changed(label),
                  ),
              };
            }}
          />
        );
      }}
    </RecordSubpage>
  );
}

function RemoveForm({ record, detailId }: { record: CustomerRecordView; detailId: string }) {
  const texts = useRecordsTexts();
  const detail = detailOf(record, detailId);
  if (!detail) return <NoSuchDetail record={record} />;
  const label = kindLabel(detail.kind, texts);
  return (
    <ReasonForm
      title={texts.removeKind(label.toLowerCase())}
      caption={recordName(record, texts.unnamed)}
      intro={
        <>
          {texts.youAreRemoving}
          <strong className="ward-break-anywhere">{formatDetail(detail.value, texts)}</strong>
          {texts.staysInHistory}
        </>
      }
      reasonId={reasonId}
      reasonLabel={texts.reasonForChange}
      reasonHint={texts.reasonHint}
      submitText={texts.removeKind(label.toLowerCase())}
      cancelHref={pathTo(paths.record, { recordId: record.id })}
      send={async (reason) =>
        goToRecord((await removeRecordDetail(record.id, detail.id, reason)).id, texts.removed(label))
      }
    />
  );
}

export function RemoveDetailPage({ recordId, detailId }: { recordId: string; detailId: string }) {
  const texts = useRecordsTexts();
  return (
    <RecordSubpage recordId={recordId} title={texts.removeDetail}>
      {(record) => <RemoveForm record={record} detailId={detailId} />}
    </RecordSubpage>
  );
}
