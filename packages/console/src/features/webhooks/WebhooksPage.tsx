import type { CreatedWebhook, Webhook } from '@ward/protocol';
import { useState } from 'react';
import { fetchWebhooks } from '../../api/webhooks.ts';
import { paths, pathTo } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';
import { NewSecretBanner } from './NewSecretBanner.tsx';
import { eventDescriptions } from './validate-webhook.ts';

/** Administrators: the systems Ward tells when chats and cases change (ADR 24). */
export function WebhooksPage() {
  const { loaded, reload } = useLoaded(fetchWebhooks);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [formHasErrors, setFormHasErrors] = useState(false);

  return (
    <>
      <PageTitle title="Webhooks" hasErrors={formHasErrors} />
      <p className="govuk-body">
        A webhook tells another council system, such as your CRM or case management, when chats and cases change. Each
        request is signed with the webhook’s own secret and carries no personal data.
      </p>
      {created ? <NewSecretBanner key={created.webhook.id} created={created} /> : null}
      <h2 className="govuk-heading-m ward-page-heading" id="webhooks-heading" tabIndex={-1}>
        Webhooks
      </h2>
      {loaded.status === 'loading' ? <Loading text="Loading webhooks…" /> : null}
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
  if (webhooks.length === 0) return <p className="govuk-body">There are no webhooks yet.</p>;
  const columns: Column<Webhook>[] = [
    {
      header: 'Address',
      cell: (hook) => (
        <Link className="govuk-link ward-break-anywhere" href={pathTo(paths.webhook, { webhookId: hook.id })}>
          {hook.url}
        </Link>
      ),
    },
    { header: 'Description', cell: (hook) => <span className="ward-break-anywhere">{hook.description ?? ''}</span> },
    { header: 'Events', cell: (hook) => hook.events.map((e) => eventDescriptions[e].label).join(', ') },
    { header: 'Added', cell: (hook) => formatDateTime(hook.createdAt) },
    {
      header: 'Status',
      cell: (hook) => (hook.paused ? <Tag colour="grey">Paused</Tag> : <Tag colour="green">Active</Tag>),
    },
  ];
  return (
    <Table
      caption={`Webhooks (${webhooks.length}), newest first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Webhooks"
      rows={webhooks}
      rowKey={(hook) => hook.id}
      columns={columns}
    />
  );
}
