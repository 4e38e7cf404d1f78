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

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

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
        Export the resident&rsquo;s data
      </h2>
      <p className="govuk-body">
        The export pack is a ZIP of everything in this request&rsquo;s scope: a readable report (web page and PDF), the
        data as JSON and CSV files, and a manifest of checksums. Mark messages that name other people below before you
        build it.
      </p>
      <WithheldMessagesSection requestId={request.id} onErrorChange={setWithholdErrors} />
      <ErrorSummary errors={build.summary} attempt={build.attempt} />
      <form
        noValidate
        aria-label="Build the export pack"
        onSubmit={(event) =>
          void build.submit(event, () => ({
            send: async () => {
              const pack = await buildExportPack(request.id);
              setBuilt(pack);
              const counts = Object.entries(pack.counts ?? {})
                .filter(([, count]) => count > 0)
                .map(([kind, count]) => `${count} ${kind}`)
                .join(', ');
              announce(`Export pack built${counts ? `: ${counts}` : ''}. You can download it now.`);
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
          {build.busy ? 'Building the export pack…' : 'Build the export pack'}
        </button>
      </form>
      {built?.counts ? (
        <p className="govuk-body" id="export-built-counts">
          The pack holds{' '}
          {Object.entries(built.counts)
            .map(([kind, count]) => `${count} ${kind}`)
            .join(', ')}
          .
        </p>
      ) : null}
      {latest ? (
        <>
          <h3 className="govuk-heading-s">Export pack built {formatDateTime(latest.builtAt)}</h3>
          <p className="govuk-body">
            <a className="govuk-link" href={exportPackDownloadPath(request.id, latest.id)} download>
              Download the export pack (ZIP, {kilobytes(latest.size)})
            </a>
          </p>
          <p className="govuk-body-s">
            It is deleted on {formatDateTime(latest.expiresAt)}.
            {latest.link
              ? ` A link was emailed on ${formatDateTime(latest.link.sentAt)}; ${latest.link.downloadsLeft} download${latest.link.downloadsLeft === 1 ? '' : 's'} left.`
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
        <p className="govuk-body">No export pack is ready to download.</p>
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
            if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address))
              return { errors: { email: 'Enter the resident’s email address, like name@example.com' } };
            return {
              send: async () => {
                const sent = await sendExportLink(requestId, pack.id, { email: address });
                announce(
                  `Link emailed to the resident. It works until ${formatDateTime(sent.expiresAt)} for ${sent.link?.downloadsLeft ?? 0} downloads.`,
                );
                onSent();
              },
            };
          })
        }
      >
        <h3 className="govuk-heading-s" id="export-send-heading">
          Email a link to the resident
        </h3>
        <TextInput
          id="export-email"
          label="Resident’s email address"
          labelClassName="govuk-label--s"
          hint="The link expires after a few days and works for a limited number of downloads."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Email a link to the resident
        </button>
      </form>
    </>
  );
}
