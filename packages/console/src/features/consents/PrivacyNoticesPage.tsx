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
import { useLanguage, useTexts } from '../../i18n/language.tsx';
import { dateTexts } from '../rights/date-texts.ts';
import { useConsentsTexts } from './texts.ts';

const ids = { version: 'notice-version', url: 'notice-url', body: 'notice-body', effective: 'notice-effective' };
const blank: NoticeAnswers = { version: '', url: '', body: '', effective: { day: '', month: '', year: '' } };

/**
 * The council's privacy notice, version by version (ADR 37): which one residents see now and
 * which each contact was shown. Administrators publish new versions; none ever changes.
 */
export function PrivacyNoticesPage() {
  const { session } = useSession();
  const says = useConsentsTexts();
  const canPublish = session.status === 'signed-in' && administers(session.staff.role);
  const { loaded, reload } = useLoaded(fetchPrivacyNotices);
  const [formKey, setFormKey] = useState(0);
  const [hasErrors, setHasErrors] = useState(false);
  return (
    <>
      <PageTitle title={says.privacyNotices} hasErrors={hasErrors} />
      <p className="govuk-body">{says.noticesIntro}</p>
      {loaded.status === 'loading' ? <Loading text={says.loadingNotices} /> : null}
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
  const says = useConsentsTexts();
  const language = useLanguage();
  if (notices.length === 0) return <p className="govuk-body">{says.noVersion}</p>;
  const now = Date.now();
  return (
    <Table
      caption={says.versionsNewestFirst}
      captionClassName="govuk-table__caption--m"
      regionLabel={says.noticeVersions}
      rows={notices}
      rowKey={(n) => n.id}
      columns={[
        { header: says.version, cell: (n) => n.version },
        { header: says.takesEffect, cell: (n) => formatDateTime(n.effectiveFrom, language) },
        {
          header: says.status,
          cell: (n) =>
            n.current ? (
              <strong className="govuk-tag govuk-tag--green">{says.inEffect}</strong>
            ) : Date.parse(n.effectiveFrom) > now ? (
              <strong className="govuk-tag govuk-tag--blue">{says.scheduled}</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">{says.replaced}</strong>
            ),
        },
        {
          header: says.notice,
          cell: (n) => (
            <a
              className="govuk-link ward-break-anywhere"
              href={n.url ?? `/privacy-notice/${encodeURIComponent(n.version)}`}
              target="_blank"
              rel="noreferrer noopener"
            >
              {n.url ? n.url : says.textInWard}
              <span className="govuk-visually-hidden">{says.opensInNewTab(n.version)}</span>
            </a>
          ),
        },
      ]}
    />
  );
}

function PublishForm({ onPublished, onErrors }: { onPublished: () => void; onErrors: (has: boolean) => void }) {
  const announce = useAnnounce();
  const says = useConsentsTexts();
  const dates = useTexts(dateTexts);
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
        {says.publishHeading}
      </h2>
      <form
        noValidate
        aria-labelledby="publish-heading"
        onSubmit={(event) =>
          void submit(event, () => {
            const checked = validateNotice(answers, says, dates);
            setDateParts(checked.dateParts);
            const body = checked.body;
            if (!body) return { errors: checked.errors };
            return {
              send: async () => {
                const notice = await publishPrivacyNotice(body);
                announce(says.published(notice.version));
                onPublished();
              },
            };
          })
        }
      >
        <TextInput
          id={ids.version}
          label={says.version}
          labelClassName="govuk-label--s"
          hint={says.versionHint}
          widthClassName="govuk-input--width-10"
          autoComplete="off"
          spellCheck={false}
          value={answers.version}
          onValueChange={(version) => set({ version })}
          error={errors.version}
        />
        <TextInput
          id={ids.url}
          label={says.address}
          labelClassName="govuk-label--s"
          hint={says.addressHint}
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
          label={says.text}
          labelClassName="govuk-label--s"
          hint={says.textHint}
          rows={8}
          value={answers.body}
          onValueChange={(body) => set({ body })}
          error={errors.body}
        />
        <DateInput
          id={ids.effective}
          legend={says.effective}
          hint={says.effectiveHint}
          value={answers.effective}
          onValueChange={(part, value) => set({ effective: { ...answers.effective, [part]: value } })}
          error={errors.effective}
          errorParts={dateParts}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
          {says.publish}
        </button>
      </form>
    </>
  );
}
