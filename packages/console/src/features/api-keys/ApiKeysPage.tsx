import type { ApiKey, CreatedApiKey } from '@ward/protocol';
import { useState } from 'react';
import { fetchApiKeys, revokeApiKey } from '../../api/api-keys.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ConfirmPanel, useConfirmation } from '../../ui/ConfirmPanel.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx';
import { NewTokenBanner } from './NewTokenBanner.tsx';
import { scopeDescriptions } from './validate-api-key.ts';

/** Administrators: the keys other council systems use to call Ward (ADR 15). */
export function ApiKeysPage() {
  const { loaded, reload } = useLoaded(fetchApiKeys);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [formHasErrors, setFormHasErrors] = useState(false);

  return (
    <>
      <PageTitle title="API keys" hasErrors={formHasErrors} />
      <p className="govuk-body">
        Other council systems use an API key to send contacts into Ward, for example requests received on social media.
        Give each system its own key, and revoke a key as soon as it is no longer needed.
      </p>
      {created ? <NewTokenBanner key={created.apiKey.id} created={created} /> : null}
      <h2 className="govuk-heading-m ward-page-heading" id="api-keys-heading" tabIndex={-1}>
        Keys
      </h2>
      {loaded.status === 'loading' ? <Loading text="Loading API keys…" /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' ? <KeysTable keys={loaded.data} onRevoked={reload} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CreateApiKeyForm
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

function KeysTable({ keys, onRevoked }: { keys: ApiKey[]; onRevoked: () => void }) {
  const announce = useAnnounce();
  const confirmation = useConfirmation(async (key: ApiKey) => {
    await revokeApiKey(key.id);
    announce(`The key “${key.name}” has been revoked`);
    onRevoked();
    requestAnimationFrame(() => document.getElementById('api-keys-heading')?.focus());
  });
  const { confirming } = confirmation;

  if (keys.length === 0) return <p className="govuk-body">There are no API keys yet.</p>;
  const columns: Column<ApiKey>[] = [
    { header: 'Name', cell: (key) => <span className="ward-break-anywhere">{key.name}</span> },
    { header: 'Can', cell: (key) => key.scopes.map((scope) => scopeDescriptions[scope].label).join(', ') },
    { header: 'Starts with', cell: (key) => <code className="ward-break-anywhere">{key.tokenPrefix}…</code> },
    { header: 'Created', cell: (key) => formatDateTime(key.createdAt) },
    { header: 'Last used', cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Not yet') },
    {
      header: 'Status',
      cell: (key) =>
        key.revokedAt ? (
          <Tag colour="grey">Revoked {formatDateTime(key.revokedAt)}</Tag>
        ) : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? (
          <Tag colour="grey">Expired {formatDateTime(key.expiresAt)}</Tag>
        ) : (
          <>
            <Tag colour="green">Active</Tag>
            <span className="govuk-body-s govuk-!-display-block">
              {key.expiresAt ? `Until ${formatDateTime(key.expiresAt)}` : 'Until revoked'}
            </span>
          </>
        ),
    },
    {
      header: <span className="govuk-visually-hidden">Actions</span>,
      cell: (key) =>
        key.revokedAt ? null : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={(event) => confirmation.ask(key, event.currentTarget)}
          >
            Revoke<span className="govuk-visually-hidden"> the key “{key.name}”</span>
          </button>
        ),
    },
  ];

  return (
    <>
      {confirming ? (
        <ConfirmPanel
          confirmation={confirmation}
          item={confirming}
          id="confirm-revoke-heading"
          question={<>Are you sure you want to revoke the key “{confirming.name}”?</>}
          confirmText="Yes, revoke key"
        >
          <p className="govuk-body">
            The system using it can no longer call Ward. This cannot be undone: to let it back in, create a new key.
          </p>
        </ConfirmPanel>
      ) : null}
      <Table
        caption={`API keys (${keys.length}), newest first`}
        captionClassName="govuk-table__caption--s"
        regionLabel="API keys"
        rows={keys}
        rowKey={(key) => key.id}
        columns={columns}
      />
    </>
  );
}
