import type { AgentConversation } from '@ward/protocol';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { searchConversations } from '../../api/conversations.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorSummary, type ErrorItem } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { conversationColumns } from './conversation-columns.tsx';
import { validateResidentSearch, type ResidentSearchField } from './validate-resident-search.ts';

const fieldIds: Record<ResidentSearchField, string> = { email: 'resident-email', name: 'resident-name' };

/**
 * Finds a resident's conversations by email address or name. The server matches keyed digests
 * only (no plaintext columns) and audits every search; what is typed travels in a POST body.
 */
export function ResidentSearch({ onErrorChange }: { onErrorChange: (hasError: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ResidentSearchField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [results, setResults] = useState<AgentConversation[] | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const checked = validateResidentSearch(email, name);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setFormError(null);
      onErrorChange(true);
      return;
    }
    setErrors({});
    try {
      setResults(await searchConversations(checked.search));
      setFormError(null);
      onErrorChange(false);
    } catch (error) {
      setFormError(messageOf(error));
      onErrorChange(true);
    }
  }

  const summary: ErrorItem[] = [
    ...(formError ? [{ text: formError }] : []),
    ...(['email', 'name'] as const).flatMap((field) =>
      errors[field] ? [{ fieldId: fieldIds[field], text: errors[field] }] : [],
    ),
  ];

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} role="search" aria-labelledby="resident-search-heading">
        <h2 className="govuk-heading-m" id="resident-search-heading">
          Find a resident’s conversations
        </h2>
        <TextInput
          id={fieldIds.email}
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
        <TextInput
          id={fieldIds.name}
          label="Name"
          hint="Every word must match, in any order"
          autoComplete="off"
          spellCheck={false}
          value={name}
          onValueChange={setName}
          error={errors.name}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </form>
      <div aria-live="polite">
        {results !== null && results.length === 0 ? <p className="govuk-body">No conversations match.</p> : null}
        {results !== null && results.length > 0 ? (
          <Table
            caption={`${results.length} ${results.length === 1 ? 'conversation' : 'conversations'} found`}
            captionClassName="govuk-table__caption--s"
            regionLabel="Conversations found"
            rows={results}
            rowKey={(conversation) => conversation.id}
            columns={[
              ...conversationColumns,
              { header: 'Started', cell: (conversation) => formatDateTime(conversation.createdAt) },
            ]}
          />
        ) : null}
      </div>
    </>
  );
}
