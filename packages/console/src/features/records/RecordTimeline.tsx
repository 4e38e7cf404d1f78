import type { RecordTimelineCase } from '@ward/protocol';
import { Link } from '../../router.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { formatDate } from '../../ui/format.ts';
import { Table } from '../../ui/Table.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { casePath, caseStatusTag, channelLabel } from './record-wording.ts';
import { describeDisclosure } from '../cases/case-wording.ts';
import { useRecordsTexts } from './texts.ts';

function Summary({ contact }: { contact: RecordTimelineCase }) {
  const texts = useRecordsTexts();
  if (contact.restricted)
    return <span className="govuk-hint govuk-!-margin-bottom-0">{texts.onlyDepartment(contact.departmentLabel)}</span>;
  return (
    <>
      {contact.topic ? <strong className="ward-break-anywhere">{contact.topic}</strong> : null}
      {contact.topic && contact.summary ? <br /> : null}
      {contact.summary ? (
        <span className="ward-break-anywhere">{contact.summary}</span>
      ) : contact.topic ? null : (
        texts.noSummary
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
  const texts = useRecordsTexts();
  const language = useLanguage();
  if (timeline.length === 0) return <p className="govuk-body">{texts.noContacts}</p>;
  const contacts = [...timeline].sort((a, b) => Date.parse(b.contactedAt) - Date.parse(a.contactedAt));
  return (
    <Table
      caption={(contacts.length === 1 ? texts.oneContactCaption : texts.contactsCaption)(contacts.length)}
      captionClassName="govuk-table__caption--s"
      regionLabel={texts.timelineRegion}
      rows={contacts}
      rowKey={(contact) => contact.caseId}
      columns={[
        {
          header: texts.caseReference,
          cell: (contact) => (
            <Link className="govuk-link" href={casePath(contact.caseReference)}>
              {contact.caseReference}
            </Link>
          ),
        },
        { header: texts.channel, cell: (contact) => channelLabel(contact.channel, texts) },
        { header: texts.date, cell: (contact) => formatDate(contact.contactedAt, language) },
        { header: texts.department, cell: (contact) => contact.departmentLabel },
        {
          header: texts.status,
          cell: (contact) => {
            const tag = caseStatusTag(contact.status, texts);
            return <Tag colour={tag.colour}>{tag.text}</Tag>;
          },
        },
        { header: texts.summary, cell: (contact) => <Summary contact={contact} /> },
      ]}
    />
  );
}
