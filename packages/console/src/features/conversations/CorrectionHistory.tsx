import type { ConversationCorrections } from '@ward/protocol';
import { fetchConversationCorrections } from '../../api/conversations.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError } from '../../ui/Loading.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';

type Correction = ConversationCorrections['corrections'][number];

const replaced = (c: Correction) =>
  [
    c.fields.includes('name') ? `the name was “${c.previousName ?? ''}”` : null,
    c.fields.includes('email') ? `the email address was “${c.previousEmail ?? 'not given'}”` : null,
  ]
    .filter(Boolean)
    .join(' and ');

/**
 * The chat's corrections (ADR 29): what each replaced, who made it and why, newest first. Read
 * again when `version` changes (after a correction); the read is audited.
 */
export function CorrectionHistory({ conversationId, version }: { conversationId: string; version: string }) {
  const { loaded } = useLoaded(() => fetchConversationCorrections(conversationId), `${conversationId}:${version}`);
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  if (loaded.status !== 'ready' || loaded.data.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">Corrections</h3>
      <ul className="govuk-list">
        {loaded.data.map((c, index) => (
          <li key={`${c.at}-${index}`}>
            {formatDateTime(c.at)}
            {c.byName ? `, ${c.byName}` : ''}: {replaced(c)}. Reason: {c.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
