import type { CaseDetail } from '@ward/protocol';
import { useCallback } from 'react';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useStaff } from '../../session/session.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { auditPath } from '../audit/audit-query.ts';
import { CaseHistory } from './CaseHistory.tsx';
import { LegalHoldSection } from '../retention/LegalHoldSection.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseDisclosures } from './CaseDisclosures.tsx';
import { CaseStatusForm } from './CaseStatusForm.tsx';
import { CaseSummarySection } from './CaseSummarySection.tsx';
import { ChannelContent } from './ChannelContent.tsx';
import { LinkedCases } from './LinkedCases.tsx';
import { OwnerSection } from './OwnerSection.tsx';
import { TransferForm } from './TransferForm.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { channelInWords } from './case-wording.ts';
import { doesPrivacyWork } from '../../session/roles.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';

/**
 * A case in full, for staff of its department: its details, what the resident sent, and what staff
 * did. `emailsVersion` goes up when the email thread should be read again (an email came or went).
 */
export function CaseDetails({
  detail,
  onChange,
  onErrorChange,
  emailsVersion = 0,
}: {
  detail: CaseDetail;
  onChange: (detail: CaseDetail) => void;
  onErrorChange: ErrorReporter;
  emailsVersion?: number;
}) {
  const staff = useStaff();
  const announce = useAnnounce();
  const t = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  const changed: OnCaseChange = useCallback(
    (next, announcement) => {
      onChange(next);
      announce(announcement);
    },
    [onChange, announce],
  );

  return (
    <>
      <SummaryList
        rows={[
          { key: t.caseReference, value: detail.caseReference },
          { key: t.channel, value: channelInWords(detail.channel, detail.channelDetail, words) },
          { key: t.topic, value: detail.topic },
          { key: t.department, value: detail.departmentLabel },
          { key: t.status, value: <CaseStatusTag status={detail.status} /> },
          { key: t.owner, value: detail.owner ? detail.owner.name : t.nobody },
          { key: t.contacted, value: formatDateTime(detail.contactedAt, language) },
          ...(detail.closedAt ? [{ key: t.closed, value: formatDateTime(detail.closedAt, language) }] : []),
          {
            key: t.customerRecord,
            value: detail.recordId ? (
              <Link className="govuk-link" href={pathTo(paths.record, { recordId: detail.recordId })}>
                {t.viewRecord}
                <span className="govuk-visually-hidden">{t.forCase(detail.caseReference)}</span>
              </Link>
            ) : (
              t.notLinkedToRecord
            ),
          },
        ]}
      />
      {doesPrivacyWork(staff.role) ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={auditPath({ caseReference: detail.caseReference })}>
            {t.whoHasLooked}
          </Link>
        </p>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ChannelContent detail={detail} onErrorChange={onErrorChange} emailsVersion={emailsVersion} />
          <CaseSummarySection detail={detail} onChange={changed} onErrorChange={onErrorChange} />
          <section aria-labelledby="manage-heading">
            <h2 className="govuk-heading-m" id="manage-heading">
              {t.manageCase}
            </h2>
            <CaseStatusForm detail={detail} onChange={changed} onErrorChange={onErrorChange} />
            <OwnerSection detail={detail} onChange={changed} onErrorChange={onErrorChange} />
            <TransferForm detail={detail} onChange={changed} onErrorChange={onErrorChange} />
          </section>
          <CaseNotes detail={detail} onChange={changed} onErrorChange={onErrorChange} />
          <LinkedCases detail={detail} onChange={changed} onErrorChange={onErrorChange} />
          <CaseDisclosures detail={detail} onChange={changed} onErrorChange={onErrorChange} />
          {doesPrivacyWork(staff.role) ? (
            <LegalHoldSection kase={{ id: detail.id, caseReference: detail.caseReference }} />
          ) : null}
        </div>
      </div>
      <CaseHistory detail={detail} />
    </>
  );
}
