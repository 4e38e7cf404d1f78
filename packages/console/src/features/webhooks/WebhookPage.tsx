import type { Language, Webhook, WebhookDelivery } from '@ward/protocol';
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
import { useLanguage } from '../../i18n/language.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import type { WebhooksTexts } from './texts-en.ts';
import { useWebhooksTexts } from './texts.ts';

/** One webhook: what it sends, pause or resume, a test ping, delete, and its delivery log. */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const { loaded, reload } = useLoaded(() => fetchWebhook(webhookId), webhookId);
  const texts = useWebhooksTexts();
  return (
    <>
      <Link className="govuk-back-link" href={paths.webhooks}>
        {texts.allWebhooks}
      </Link>
      {loaded.status === 'loading' ? <Loading text={texts.loadingOne} /> : null}
      {loaded.status === 'error' ? (
        <>
          <PageTitle title={texts.webhook} />
          <LoadError message={loaded.message} />
        </>
      ) : null}
      {loaded.status === 'ready' ? <WebhookDetail webhook={loaded.data} onChanged={reload} /> : null}
    </>
  );
}

function WebhookDetail({ webhook, onChanged }: { webhook: Webhook; onChanged: () => void }) {
  const announce = useAnnounce();
  const texts = useWebhooksTexts();
  const language = useLanguage();
  const deliveries = useLoaded(() => fetchWebhookDeliveries(webhook.id), webhook.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmation(async (hook: Webhook) => {
    await deleteWebhook(hook.id);
    announce(texts.deletedAnnouncement);
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
      return texts.pingQueued;
    });
  const togglePause = () =>
    act(async () => {
      await setWebhookPaused(webhook.id, !webhook.paused);
      onChanged();
      return webhook.paused ? texts.resumed : texts.pausedAnnouncement;
    });

  return (
    <>
      <PageTitle
        title={texts.webhook}
        caption={texts.webhook}
        heading={<span className="ward-break-anywhere">{webhook.url}</span>}
      />
      <SummaryList
        rows={[
          { key: texts.address, value: webhook.url },
          { key: texts.description, value: webhook.description ?? texts.none },
          { key: texts.events, value: webhook.events.map((e) => texts.eventDescriptions[e].label).join(', ') },
          { key: texts.added, value: formatDateTime(webhook.createdAt, language) },
          {
            key: texts.status,
            value: webhook.paused ? <Tag colour="grey">{texts.paused}</Tag> : <Tag colour="green">{texts.active}</Tag>,
          },
        ]}
      />
      {problem ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">{texts.errorPrefix}</span> {problem}
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
          {texts.sendPing}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          aria-disabled={busy || undefined}
          onClick={() => void togglePause()}
        >
          {webhook.paused ? texts.resume : texts.pause}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          onClick={(event) => confirmation.ask(webhook, event.currentTarget)}
        >
          {texts.delete}
        </button>
      </div>
      {confirmation.confirming ? (
        <ConfirmPanel
          confirmation={confirmation}
          item={confirmation.confirming}
          id="confirm-delete-webhook-heading"
          question={texts.confirmDelete}
          confirmText={texts.yesDelete}
        >
          <p className="govuk-body">{texts.deleteExplained}</p>
        </ConfirmPanel>
      ) : null}

      <h2 className="govuk-heading-m" id="delivery-log-heading">
        {texts.deliveryLog}
      </h2>
      <p className="govuk-body">{texts.deliveryLogExplained}</p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => {
          deliveries.reload();
          announce(texts.logRefreshed);
        }}
      >
        {texts.refreshLog}
      </button>
      {deliveries.loaded.status === 'loading' ? <Loading text={texts.loadingDeliveries} /> : null}
      {deliveries.loaded.status === 'error' ? <LoadError message={deliveries.loaded.message} /> : null}
      {deliveries.loaded.status === 'ready' ? <DeliveryLog deliveries={deliveries.loaded.data} /> : null}
    </>
  );
}

function outcomeOf(delivery: WebhookDelivery, texts: WebhooksTexts, language: Language) {
  const reason = delivery.lastErrorKind ? texts.errorKinds[delivery.lastErrorKind] : null;
  if (delivery.state === 'delivered') return <Tag colour="green">{texts.delivered}</Tag>;
  if (delivery.state === 'failed')
    return (
      <>
        <Tag colour="red">{texts.failed}</Tag>
        {reason ? <span className="govuk-body-s govuk-!-display-block">{reason}</span> : null}
      </>
    );
  if (delivery.attempts === 0) return <Tag colour="blue">{texts.waiting}</Tag>;
  return (
    <>
      <Tag colour="yellow">{texts.tryingAgain}</Tag>
      <span className="govuk-body-s govuk-!-display-block">
        {reason}
        {delivery.nextAttemptAt ? texts.nextAttempt(formatDateTime(delivery.nextAttemptAt, language)) : ''}
      </span>
    </>
  );
}

function DeliveryLog({ deliveries }: { deliveries: WebhookDelivery[] }) {
  const texts = useWebhooksTexts();
  const language = useLanguage();
  if (deliveries.length === 0) return <p className="govuk-body">{texts.nothingSent}</p>;
  const columns: Column<WebhookDelivery>[] = [
    { header: texts.time, cell: (d) => formatDateTime(d.createdAt, language) },
    { header: texts.event, cell: (d) => texts.eventDescriptions[d.event].label },
    { header: texts.attempt, cell: (d) => String(d.attempts), numeric: true },
    { header: texts.outcome, cell: (d) => outcomeOf(d, texts, language) },
    { header: texts.responseStatus, cell: (d) => (d.lastStatusCode === null ? texts.none : String(d.lastStatusCode)) },
  ];
  return (
    <Table
      caption={texts.deliveriesCaption(deliveries.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={texts.deliveryLog}
      rows={deliveries}
      rowKey={(d) => d.id}
      columns={columns}
    />
  );
}
