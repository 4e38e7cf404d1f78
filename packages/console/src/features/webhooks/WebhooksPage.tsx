import type { CreatedWebhook, Webhook } from '@ward/protocol';
import { useState } from 'react';
import { fetchWebhooks } from '../../api/webhooks.ts';
import { paths, pathTo } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';
import { NewSecretBanner } from './NewSecretBanner.tsx';
import { useWebhooksTexts } from './texts.ts';

/** Administrators: the systems Ward tells when chats and cases change (ADR 24). */
export function WebhooksPage() {
  const { loaded, reload } = useLoaded(fetchWebhooks);
  const texts = useWebhooksTexts();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [formHasErrors, setFormHasErrors] = useState(false);

  return (
    <>
      <PageTitle title={texts.title} hasErrors={formHasErrors} />
      <p className="govuk-body">{texts.explained}</p>
      {created ? <NewSecretBanner key={created.webhook.id} created={created} /> : null}
      <h2 className="govuk-heading-m ward-page-heading" id="webhooks-heading" tabIndex={-1}>
        {texts.title}
      </h2>
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <WebhooksTable webhooks={loaded.data} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CreateWebhookForm
            onErrorChange={setFormHasErrors}
            onCreated={(result) => {
              setCreated(result);
              reload();
            }}
          />
        </div>
      </div>
    </>
  );
}

function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  const texts = useWebhooksTexts();
  const language = useLanguage();
  if (webhooks.length === 0) return <p className="govuk-body">{texts.noneYet}</p>;
  const columns: Column<Webhook>[] = [
    {
      header: texts.address,
      cell: (hook) => (
        <Link className="govuk-link ward-break-anywhere" href={pathTo(paths.webhook, { webhookId: hook.id })}>
          {hook.url}
        </Link>
      ),
    },
    {
      header: texts.description,
      cell: (hook) => <span className="ward-break-anywhere">{hook.description ?? ''}</span>,
    },
    { header: texts.events, cell: (hook) => hook.events.map((e) => texts.eventDescriptions[e].label).join(', ') },
    { header: texts.added, cell: (hook) => formatDateTime(hook.createdAt, language) },
    {
      header: texts.status,
      cell: (hook) =>
        hook.paused ? <Tag colour="grey">{texts.paused}</Tag> : <Tag colour="green">{texts.active}</Tag>,
    },
  ];
  return (
    <Table
      caption={texts.caption(webhooks.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={texts.title}
      rows={webhooks}
      rowKey={(hook) => hook.id}
      columns={columns}
    />
  );
}
