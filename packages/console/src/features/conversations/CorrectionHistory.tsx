import type { ConversationCorrections } from '@ward/protocol';
import { fetchConversationCorrections } from '../../api/conversations.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError } from '../../ui/Loading.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { ConversationsTexts } from './texts-en.ts';
import { useConversationsTexts } from './texts.ts';

type Correction = ConversationCorrections['corrections'][number];

const replaced = (c: Correction, t: ConversationsTexts) =>
  [
    c.fields.includes('name') ? t.nameWas(c.previousName ?? '') : null,
    c.fields.includes('email') ? t.emailWas(c.previousEmail ?? t.notGivenLower) : null,
  ]
    .filter(Boolean)
    .join(t.and);

/**
 * The chat's corrections (ADR 29): what each replaced, who made it and why, newest first. Read
 * again when `version` changes (after a correction); the read is audited.
 */
export function CorrectionHistory({ conversationId, version }: { conversationId: string; version: string }) {
  const t = useConversationsTexts();
  const language = useLanguage();
  const { loaded } = useLoaded(() => fetchConversationCorrections(conversationId), `${conversationId}:${version}`);
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  if (loaded.status !== 'ready' || loaded.data.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s">{t.corrections}</h3>
      <ul className="govuk-list">
        {loaded.data.map((c, index) => (
          <li key={`${c.at}-${index}`}>
            {formatDateTime(c.at, language)}
            {c.byName ? `, ${c.byName}` : ''}
            {t.correctionLine(replaced(c, t), c.reason)}
          </li>
        ))}
      </ul>
    </>
  );
}
