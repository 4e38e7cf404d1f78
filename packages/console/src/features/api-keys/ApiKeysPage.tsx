import type { ApiKey, CreatedApiKey } from '@ward/protocol';
import { useState } from 'react';
import { fetchApiKeys, revokeApiKey } from '../../api/api-keys.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useLanguage } from '../../i18n/language.tsx';
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
import { useApiKeysTexts } from './texts.ts';

/** Administrators: the keys other council systems use to call Ward (ADR 15). */
export function ApiKeysPage() {
  const { loaded, reload } = useLoaded(fetchApiKeys);
  const texts = useApiKeysTexts();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [formHasErrors, setFormHasErrors] = useState(false);

  return (
    <>
      <PageTitle title={texts.title} hasErrors={formHasErrors} />
      <p className="govuk-body">{texts.explained}</p>
      {created ? <NewTokenBanner key={created.apiKey.id} created={created} /> : null}
      <h2 className="govuk-heading-m ward-page-heading" id="api-keys-heading" tabIndex={-1}>
        {texts.keys}
      </h2>
      {loaded.status === 'loading' ? <Loading text={texts.loading} /> : null}
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
  const texts = useApiKeysTexts();
  const language = useLanguage();
  const when = (iso: string) => formatDateTime(iso, language);
  const confirmation = useConfirmation(async (key: ApiKey) => {
    await revokeApiKey(key.id);
    announce(texts.revokedAnnouncement(key.name));
    onRevoked();
    requestAnimationFrame(() => document.getElementById('api-keys-heading')?.focus());
  });
  const { confirming } = confirmation;

  if (keys.length === 0) return <p className="govuk-body">{texts.noneYet}</p>;
  const columns: Column<ApiKey>[] = [
    { header: texts.name, cell: (key) => <span className="ward-break-anywhere">{key.name}</span> },
    { header: texts.can, cell: (key) => key.scopes.map((scope) => texts.scopes[scope].label).join(', ') },
    { header: texts.startsWith, cell: (key) => <code className="ward-break-anywhere">{key.tokenPrefix}…</code> },
    { header: texts.created, cell: (key) => when(key.createdAt) },
    { header: texts.lastUsed, cell: (key) => (key.lastUsedAt ? when(key.lastUsedAt) : texts.notYet) },
    {
      header: texts.status,
      cell: (key) =>
        key.revokedAt ? (
          <Tag colour="grey">{texts.revokedOn(when(key.revokedAt))}</Tag>
        ) : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? (
          <Tag colour="grey">{texts.expiredOn(when(key.expiresAt))}</Tag>
        ) : (
          <>
            <Tag colour="green">{texts.active}</Tag>
            <span className="govuk-body-s govuk-!-display-block">
              {key.expiresAt ? texts.until(when(key.expiresAt)) : texts.untilRevoked}
            </span>
          </>
        ),
    },
    {
      header: <span className="govuk-visually-hidden">{texts.actions}</span>,
      cell: (key) =>
        key.revokedAt ? null : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={(event) => confirmation.ask(key, event.currentTarget)}
          >
            {texts.revoke}
            <span className="govuk-visually-hidden">{texts.theKey(key.name)}</span>
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
          question={texts.confirmRevoke(confirming.name)}
          confirmText={texts.yesRevoke}
        >
          <p className="govuk-body">{texts.revokeExplained}</p>
        </ConfirmPanel>
      ) : null}
      <Table
        caption={texts.caption(keys.length)}
        captionClassName="govuk-table__caption--s"
        regionLabel={texts.regionLabel}
        rows={keys}
        rowKey={(key) => key.id}
        columns={columns}
      />
    </>
  );
}
