import type { Webhook, WebhookDelivery } from '@ward/protocol';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import {
  deleteWebhook,
  fetchWebhook,
  fetchWebhookDeliveries,
  pingWebhook,
  setWebhookPaused,
} from '../../api/webhooks.ts';
import { paths } from '../../route-match.ts';
import { Link, navigate } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { errorKindDescriptions, eventDescriptions } from './validate-webhook.ts';

/** One webhook: what it sends, pause or resume, a test ping, delete, and its delivery log. */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const { loaded, reload } = useLoaded(() => fetchWebhook(webhookId), webhookId);
  return (
    <>
      <Link className="govuk-back-link" href={paths.webhooks}>
        All webhooks
      </Link>
      {loaded.status === 'loading' ? <Loading text="Loading the webhook…" /> : null}
      {loaded.status === 'error' ? (
        <>
          <PageTitle title="Webhook" />
          <LoadError message={loaded.message} />
        </>
      ) : null}
      {loaded.status === 'ready' ? <WebhookDetail webhook={loaded.data} onChanged={reload} /> : null}
    </>
  );
}

function WebhookDetail({ webhook, onChanged }: { webhook: Webhook; onChanged: () => void }) {
  const announce = useAnnounce();
  const deliveries = useLoaded(() => fetchWebhookDeliveries(webhook.id), webhook.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmation(async (hook: Webhook) => {
    await deleteWebhook(hook.id);
    announce('The webhook has been deleted');
    navigate(paths.webhooks);
  });

  async function act(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      announce(await action());
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const ping = () =>
    act(async () => {
      await pingWebhook(webhook.id);
      deliveries.reload();
      return 'A test ping has been queued: see the delivery log';
    });
  const togglePause = () =>
    act(async () => {
      await setWebhookPaused(webhook.id, !webhook.paused);
      onChanged();
      return webhook.paused ? 'The webhook has been resumed' : 'The webhook has been paused';
    });

  return (
    <>
      <PageTitle
        title="Webhook"
        caption="Webhook"
        heading={<span className="ward-break-anywhere">{webhook.url}</span>}
      />
      <SummaryList
        rows={[
          { key: 'Address', value: webhook.url },
          { key: 'Description', value: webhook.description ?? 'None' },
          { key: 'Events', value: webhook.events.map((e) => eventDescriptions[e].label).join(', ') },
          { key: 'Added', value: formatDateTime(webhook.createdAt) },
          {
            key: 'Status',
            value: webhook.paused ? <Tag colour="grey">Paused</Tag> : <Tag colour="green">Active</Tag>,
          },
        ]}
      />
      {problem ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          aria-disabled={busy || undefined}
          onClick={() => void ping()}
        >
          Send a test ping
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          aria-disabled={busy || undefined}
          onClick={() => void togglePause()}
        >
          {webhook.paused ? 'Resume webhook' : 'Pause webhook'}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          onClick={(event) => confirmation.ask(webhook, event.currentTarget)}
        >
          Delete webhook
        </button>
      </div>
      {confirmation.confirming ? (
        <ConfirmPanel
          confirmation={confirmation}
          item={confirmation.confirming}
          id="confirm-delete-webhook-heading"
          question="Are you sure you want to delete this webhook?"
          confirmText="Yes, delete webhook"
        >
          <p className="govuk-body">
            Ward stops sending to this address and deletes its delivery log. This cannot be undone.
          </p>
        </ConfirmPanel>
      ) : null}

      <h2 className="govuk-heading-m" id="delivery-log-heading">
        Delivery log
      </h2>
      <p className="govuk-body">
        The newest 50 deliveries. Ward tries a failed delivery again, 8 times in all over about 8 hours, and keeps the
        log for 30 days.
      </p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => {
          deliveries.reload();
          announce('The delivery log has been refreshed');
        }}
      >
        Refresh the log
      </button>
      {deliveries.loaded.status === 'loading' ? <Loading text="Loading deliveries…" /> : null}
      {deliveries.loaded.status === 'error' ? <LoadError message={deliveries.loaded.message} /> : null}
      {deliveries.loaded.status === 'ready' ? <DeliveryLog deliveries={deliveries.loaded.data} /> : null}
    </>
  );
}

function outcomeOf(delivery: WebhookDelivery) {
  const reason = delivery.lastErrorKind ? errorKindDescriptions[delivery.lastErrorKind] : null;
  if (delivery.state === 'delivered') return <Tag colour="green">Delivered</Tag>;
  if (delivery.state === 'failed')
    return (
      <>
        <Tag colour="red">Failed</Tag>
        {reason ? <span className="govuk-body-s govuk-!-display-block">{reason}</span> : null}
      </>
    );
  if (delivery.attempts === 0) return <Tag colour="blue">Waiting</Tag>;
  return (
    <>
      <Tag colour="yellow">Trying again</Tag>
      <span className="govuk-body-s govuk-!-display-block">
        {reason}
        {delivery.nextAttemptAt ? `; next attempt ${formatDateTime(delivery.nextAttemptAt)}` : ''}
      </span>
    </>
  );
}

function DeliveryLog({ deliveries }: { deliveries: WebhookDelivery[] }) {
  if (deliveries.length === 0) return <p className="govuk-body">Nothing has been sent yet.</p>;
  const columns: Column<WebhookDelivery>[] = [
    { header: 'Time', cell: (d) => formatDateTime(d.createdAt) },
    { header: 'Event', cell: (d) => eventDescriptions[d.event].label },
    { header: 'Attempt', cell: (d) => String(d.attempts), numeric: true },
    { header: 'Outcome', cell: outcomeOf },
    { header: 'Response status', cell: (d) => (d.lastStatusCode === null ? 'None' : String(d.lastStatusCode)) },
  ];
  return (
    <Table
      caption={`Deliveries (${deliveries.length}), newest first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Delivery log"
      rows={deliveries}
      rowKey={(d) => d.id}
      columns={columns}
    />
  );
}
