import type { AgentConversation } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import type { Column } from '../../ui/Table.tsx';
import type { ConversationsTexts } from './texts-en.ts';

/** The columns every list of conversations starts with: its case reference (a link), the resident, the topic. */
export const conversationColumns = (t: ConversationsTexts): Column<AgentConversation>[] => [
  {
    header: t.caseReference,
    cell: (conversation) => (
      <Link className="govuk-link" href={pathTo(paths.conversation, { caseReference: conversation.caseReference })}>
        {conversation.caseReference}
      </Link>
    ),
  },
  { header: t.name, cell: (conversation) => <span className="ward-break-anywhere">{conversation.visitorName}</span> },
  { header: t.topic, cell: (conversation) => conversation.topicLabel },
];
