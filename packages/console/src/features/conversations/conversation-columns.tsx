import type { AgentConversation } from '@ward/protocol';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import type { Column } from '../../ui/Table.tsx';

/** The columns every list of conversations starts with: its case reference (a link), the resident, the topic. */
export const conversationColumns: Column<AgentConversation>[] = [
  {
    header: 'Case reference',
    cell: (conversation) => (
      <Link className="govuk-link" href={pathTo(paths.conversation, { caseReference: conversation.caseReference })}>
        {conversation.caseReference}
      </Link>
    ),
  },
  { header: 'Name', cell: (conversation) => <span className="ward-break-anywhere">{conversation.visitorName}</span> },
  { header: 'Topic', cell: (conversation) => conversation.topicLabel },
];
