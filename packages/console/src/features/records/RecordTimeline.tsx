import type { RecordTimelineCase } from '@ward/protocol';
import { Link } from '../../router.tsx';
import { formatDate } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { casePath, caseStatusTag, channelLabel } from './record-wording.ts';
import { describeDisclosure } from '../cases/case-wording.ts';

function Summary({ contact }: { contact: RecordTimelineCase }) {
  if (contact.restricted)
    return (
      <span className="govuk-hint govuk-!-margin-bottom-0">
        Only {contact.departmentLabel} staff can see this contact’s details
      </span>
    );
  return (
    <>
      {contact.topic ? <strong className="ward-break-anywhere">{contact.topic}</strong> : null}
      {contact.topic && contact.summary ? <br /> : null}
      {contact.summary ? (
        <span className="ward-break-anywhere">{contact.summary}</span>
      ) : contact.topic ? null : (
        'No summary yet'
      )}
      {contact.disclosures.map((d) => (
        <span key={d.id} className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0 ward-break-anywhere">
          {describeDisclosure(d)}
        </span>
      ))}
    </>
  );
}

/** Every contact with the council on this record, each with its case reference linking to the case. */
export function RecordTimeline({ timeline }: { timeline: RecordTimelineCase[] }) {
  if (timeline.length === 0) return <p className="govuk-body">There are no contacts on this record yet.</p>;
  const contacts = [...timeline].sort((a, b) => Date.parse(b.contactedAt) - Date.parse(a.contactedAt));
  return (
    <Table
      caption={`${contacts.length} ${contacts.length === 1 ? 'contact' : 'contacts'}, newest first`}
      captionClassName="govuk-table__caption--s"
      regionLabel="Timeline of contacts"
      rows={contacts}
      rowKey={(contact) => contact.caseId}
      columns={[
        {
          header: 'Case reference',
          cell: (contact) => (
            <Link className="govuk-link" href={casePath(contact.caseReference)}>
              {contact.caseReference}
            </Link>
          ),
        },
        { header: 'Channel', cell: (contact) => channelLabel(contact.channel) },
        { header: 'Date', cell: (contact) => formatDate(contact.contactedAt) },
        { header: 'Department', cell: (contact) => contact.departmentLabel },
        {
          header: 'Status',
          cell: (contact) => {
            const tag = caseStatusTag(contact.status);
            return <Tag colour={tag.colour}>{tag.text}</Tag>;
          },
        },
        { header: 'Summary', cell: (contact) => <Summary contact={contact} /> },
      ]}
    />
  );
}
