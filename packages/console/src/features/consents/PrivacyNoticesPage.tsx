import type { PrivacyNotice } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { fetchPrivacyNotices, publishPrivacyNotice } from '../../api/consents.ts';
import { useSession } from '../../session/session.tsx';
import { administers } from '../../session/roles.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { DateInput, dateInputFieldId } from '../../ui/DateInput.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput, Textarea } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { Table } from '../../ui/Table.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import type { DatePart } from '../../ui/uk-dates.ts';
import { validateNotice, type NoticeAnswers, type NoticeField } from './validate-consents.ts';
import { formatDateTime } from './consent-wording.ts';

const ids = { version: 'notice-version', url: 'notice-url', body: 'notice-body', effective: 'notice-effective' };
const blank: NoticeAnswers = { version: '', url: '', body: '', effective: { day: '', month: '', year: '' } };

/**
 * The council's privacy notice, version by version (ADR 37): which one residents see now and
 * which each contact was shown. Administrators publish new versions; none ever changes.
 */
export function PrivacyNoticesPage() {
  const { session } = useSession();
  const canPublish = session.status === 'signed-in' && administers(session.staff.role);
  const { loaded, reload } = useLoaded(fetchPrivacyNotices);
  const [formKey, setFormKey] = useState(0);
  const [hasErrors, setHasErrors] = useState(false);
  return (
    <>
      <PageTitle title="Privacy notices" hasErrors={hasErrors} />
      <p className="govuk-body">
        Every chat, online form and email records which version was in effect when it arrived, and every consent names
        the version the resident was shown. A published version cannot be changed: publish a new one.
      </p>
      {loaded.status === 'loading' ? <Loading text="Loading the privacy notices…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <NoticeTable notices={loaded.data} /> : null}
      {canPublish ? (
        <PublishForm
          key={formKey}
          onErrors={setHasErrors}
          onPublished={() => {
            setFormKey((k) => k + 1);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

function NoticeTable({ notices }: { notices: PrivacyNotice[] }) {
  if (notices.length === 0)
    return (
      <p className="govuk-body">
        No version has been published in Ward yet: the chat links to the address in the council’s settings.
      </p>
    );
  const now = Date.now();
  return (
    <Table
      caption="Versions, newest first"
      captionClassName="govuk-table__caption--m"
      regionLabel="Privacy notice versions"
      rows={notices}
      rowKey={(n) => n.id}
      columns={[
        { header: 'Version', cell: (n) => n.version },
        { header: 'Takes effect', cell: (n) => formatDateTime(n.effectiveFrom) },
        {
          header: 'Status',
          cell: (n) =>
            n.current ? (
              <strong className="govuk-tag govuk-tag--green">In effect</strong>
            ) : Date.parse(n.effectiveFrom) > now ? (
              <strong className="govuk-tag govuk-tag--blue">Scheduled</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">Replaced</strong>
            ),
        },
        {
          header: 'Notice',
          cell: (n) => (
            <a
              className="govuk-link ward-break-anywhere"
              href={n.url ?? `/privacy-notice/${encodeURIComponent(n.version)}`}
              target="_blank"
              rel="noreferrer noopener"
            >
              {n.url ? n.url : 'Text held in Ward'}
              <span className="govuk-visually-hidden"> (version {n.version}, opens in new tab)</span>
            </a>
          ),
        },
      ]}
    />
  );
}

function PublishForm({ onPublished, onErrors }: { onPublished: () => void; onErrors: (has: boolean) => void }) {
  const announce = useAnnounce();
  const [answers, setAnswers] = useState<NoticeAnswers>(blank);
  const [dateParts, setDateParts] = useState<DatePart[]>([]);
  const fieldIds = (field: NoticeField) =>
    field === 'effective' ? dateInputFieldId(ids.effective, dateParts) : ids[field];
  const { errors, summary, attempt, busy, submit } = useFormSubmit<NoticeField>(fieldIds, [
    'version',
    'url',
    'body',
    'effective',
  ]);
  const hasErrors = summary.length > 0;
  useEffect(() => onErrors(hasErrors), [hasErrors, onErrors]);
  const set = (patch: Partial<NoticeAnswers>) => setAnswers((a) => ({ ...a, ...patch }));

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id="publish-heading">
        Publish a new version
      </h2>
      <form
        noValidate
        aria-labelledby="publish-heading"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateNotice(answers);
            setDateParts(checked.dateParts);
            const body = checked.body;
            if (!body) return { errors: checked.errors };
            return {
              send: async () => {
                const notice = await publishPrivacyNotice(body);
                announce(`Version ${notice.version} of the privacy notice is published.`);
                onPublished();
              },
            };
          })
        }
      >
        <TextInput
          id={ids.version}
          label="Version"
          labelClassName="govuk-label--s"
          hint="As your notice numbers it, like 2026-12 or 4.1."
          widthClassName="govuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
          value={answers.version}
          onValueChange={(version) => set({ version })}
          error={errors.version}
        />
        <TextInput
          id={ids.url}
          label="Address of the notice on the council’s website"
          labelClassName="govuk-label--s"
          hint="Starting with https://. Leave it empty to give the text below instead."
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={answers.url}
          onValueChange={(url) => set({ url })}
          error={errors.url}
        />
        <Textarea
          id={ids.body}
          label="Or the text of the notice"
          labelClassName="govuk-label--s"
          hint="Ward shows it to residents as written. Leave a blank line between paragraphs."
          rows={8}
          value={answers.body}
          onValueChange={(body) => set({ body })}
          error={errors.body}
        />
        <DateInput
          id={ids.effective}
          legend="When it takes effect (optional)"
          hint="Leave empty for now. For example, 1 1 2027."
          value={answers.effective}
          onValueChange={(part, value) => set({ effective: { ...answers.effective, [part]: value } })}
          error={errors.effective}
          errorParts={dateParts}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          Publish this version
        </button>
      </form>
    </>
  );
}
