import type { AgentConversation } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { searchConversations } from '../../api/conversations.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { conversationColumns } from './conversation-columns.tsx';
import { validateResidentSearch, type ResidentSearchField } from './validate-resident-search.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useConversationsTexts } from './texts.ts';

const fieldIds: Record<ResidentSearchField, string> = { email: 'resident-email', name: 'resident-name' };

/**
 * Finds a resident's conversations by email address or name. The server matches keyed digests
 * only (no plaintext columns) and audits every search; what is typed travels in a POST body.
 */
export function ResidentSearch({ onErrorChange }: { onErrorChange: (hasError: boolean) => void }) {
  const t = useConversationsTexts();
  const language = useLanguage();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [results, setResults] = useState<AgentConversation[] | null>(null);
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit(fieldIds, ['email', 'name']);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  function check(): FormCheck<ResidentSearchField> {
    const checked = validateResidentSearch(email, name, t);
    if ('errors' in checked) return checked;
    return { send: async () => setResults(await searchConversations(checked.search)) };
  }

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={(event) => void submit(event, check)}
        role="search"
        aria-labelledby="resident-search-heading"
      >
        <h2 className="govuk-heading-m" id="resident-search-heading">
          {t.findResidents}
        </h2>
        <TextInput
          id={fieldIds.email}
          label={t.emailAddress}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <TextInput
          id={fieldIds.name}
          label={t.name}
          hint={t.nameHint}
          autoComplete="off"
          spellCheck={false}
          value={name}
          onValueChange={setName}
          error={errors.name}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t.search}
        </button>
      </form>
      <div aria-live="polite">
        {results !== null && results.length === 0 ? <p className="govuk-body">{t.noneMatch}</p> : null}
        {results !== null && results.length > 0 ? (
          <Table
            caption={t.found(results.length)}
            captionClassName="govuk-table__caption--s"
            regionLabel={t.conversationsFound}
            rows={results}
            rowKey={(conversation) => conversation.id}
            columns={[
              ...conversationColumns(t),
              { header: t.started, cell: (conversation) => formatDateTime(conversation.createdAt, language) },
            ]}
          />
        ) : null}
      </div>
    </>
  );
}
