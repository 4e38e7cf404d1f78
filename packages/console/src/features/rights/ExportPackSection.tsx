import type { ExportPackView, RightsRequestDetail } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { buildExportPack, exportPackDownloadPath, fetchExportPacks, sendExportLink } from '../../api/rights.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { WithheldMessagesSection } from './WithheldMessagesSection.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { countText } from './subject-finder-wording.ts';
import type { RightsDataTexts } from './texts-data-en.ts';
import { useRightsDataTexts } from './texts.ts';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

/** "3 chats, 12 messages": what the pack holds, in the console's language. */
const packCounts = (counts: Record<string, number>, says: RightsDataTexts) =>
  Object.entries(counts)
    .map(([kind, count]) => `${count} ${says.packKinds[kind] ?? kind}`)
    .join(', ');

/**
 * "Export the resident's data" (ADR 34): build the export pack of the request's scope, download
 * it, or email the resident a link that expires. Results are announced in the live region.
 */
export function ExportPackSection({
  request,
  onErrorChange,
}: {
  request: RightsRequestDetail;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  const says = useRightsDataTexts();
  const language = useLanguage();
  const { loaded, reload } = useLoaded(() => fetchExportPacks(request.id), request.id);
  const [built, setBuilt] = useState<ExportPackView | null>(null);
  const build = useFormSubmit<never>({} as Record<never, string>, []);
  const [sendErrors, setSendErrors] = useState(false);
  const [withholdErrors, setWithholdErrors] = useState(false);
  useEffect(
    () => onErrorChange(build.hasErrors || sendErrors || withholdErrors),
    [build.hasErrors, sendErrors, withholdErrors, onErrorChange],
  );

  const packs = loaded.status === 'ready' ? loaded.data : [];
  const latest = packs.find((p) => p.available) ?? null;

  return (
    <section aria-labelledby="export-heading">
      <h2 className="govuk-heading-m" id="export-heading">
        {says.exportHeading}
      </h2>
      <p className="govuk-body">{says.exportIntro}</p>
      <WithheldMessagesSection requestId={request.id} onErrorChange={setWithholdErrors} />
      <ErrorSummary errors={build.summary} attempt={build.attempt} />
      <form
        noValidate
        aria-label={says.buildPack}
        onSubmit={(event) =>
          void build.submit(event, () => ({
            send: async () => {
              const pack = await buildExportPack(request.id);
              setBuilt(pack);
              const counts = packCounts(
                Object.fromEntries(Object.entries(pack.counts ?? {}).filter(([, count]) => count > 0)),
                says,
              );
              announce(counts ? says.packBuilt(counts) : says.packBuiltEmpty);
              reload();
            },
          }))
        }
      >
        <button
          type="submit"
          className="govuk-button"
          data-module="govuk-button"
          aria-disabled={build.busy || undefined}
        >
          {build.busy ? says.building : says.buildPack}
        </button>
      </form>
      {built?.counts ? (
        <p className="govuk-body" id="export-built-counts">
          {says.packHolds(packCounts(built.counts, says))}
        </p>
      ) : null}
      {latest ? (
        <>
          <h3 className="govuk-heading-s">{says.builtAt(formatDateTime(latest.builtAt, language))}</h3>
          <p className="govuk-body">
            <a className="govuk-link" href={exportPackDownloadPath(request.id, latest.id)} download>
              {says.download(kilobytes(latest.size))}
            </a>
          </p>
          <p className="govuk-body-s">
            {says.deletedOn(formatDateTime(latest.expiresAt, language))}
            {latest.link
              ? says.linkEmailed(
                  formatDateTime(latest.link.sentAt, language),
                  countText(latest.link.downloadsLeft, says.counted.download),
                )
              : ''}
          </p>
          <SendLinkForm
            requestId={request.id}
            pack={latest}
            suggested={request.requesterContact.includes('@') ? request.requesterContact.trim() : ''}
            onSent={reload}
            onErrorChange={setSendErrors}
          />
        </>
      ) : loaded.status === 'ready' ? (
        <p className="govuk-body">{says.noPack}</p>
      ) : null}
    </section>
  );
}

function SendLinkForm({
  requestId,
  pack,
  suggested,
  onSent,
  onErrorChange,
}: {
  requestId: string;
  pack: ExportPackView;
  suggested: string;
  onSent: () => void;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  const says = useRightsDataTexts();
  const language = useLanguage();
  const [email, setEmail] = useState(suggested);
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit<'email'>({ email: 'export-email' }, [
    'email',
  ]);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);
  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        aria-labelledby="export-send-heading"
        onSubmit={(event) =>
          void submit(event, () => {
            const address = email.trim();
            if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return { errors: { email: says.enterEmail } };
            return {
              send: async () => {
                const sent = await sendExportLink(requestId, pack.id, { email: address });
                announce(
                  says.linkSent(
                    formatDateTime(sent.expiresAt, language),
                    countText(sent.link?.downloadsLeft ?? 0, says.counted.download),
                  ),
                );
                onSent();
              },
            };
          })
        }
      >
        <h3 className="govuk-heading-s" id="export-send-heading">
          {says.emailLink}
        </h3>
        <TextInput
          id="export-email"
          label={says.residentEmail}
          labelClassName="govuk-label--s"
          hint={says.residentEmailHint}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          {says.emailLink}
        </button>
      </form>
    </>
  );
}
