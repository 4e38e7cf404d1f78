import type { CaseBrief, CaseDetail } from '@ward/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCase, lookupCase } from '../../api/cases.ts';
import { ApiError } from '../../api/errors.ts';
import { paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import type { LoadedByReference } from '../conversations/by-case-reference.tsx';
import { ReferenceNotFound, useLoadByCaseReference } from '../conversations/by-case-reference.tsx';
import { CaseDetails } from './CaseDetails.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { channelInWords } from './case-wording.ts';
import type { CaseEvent } from '../../realtime/case-events.ts';
import { caseUpdateAnnouncement, concernsCase, sameContent } from '../../realtime/case-events.ts';
import { useCaseEvents } from '../../realtime/use-case-events.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';

type Found = { status: 'full'; case: CaseDetail } | { status: 'limited'; case: CaseBrief };
type Loaded = LoadedByReference<Found>;

/** Looks the case up (audited): in full in the agent's departments, else only its brief. */
const lookUp = async (caseReference: string): Promise<Found> => {
  const result = await lookupCase(caseReference);
  return result.access === 'full' ? { status: 'full', case: result.case } : { status: 'limited', case: result.case };
};

function BackLink() {
  const t = useCasesTexts();
  return (
    <Link className="govuk-back-link" href={paths.cases}>
      {t.backToCases}
    </Link>
  );
}

/** One case on any channel, found by its reference (sent in a POST body: the lookup is audited). */
export function CasePage({ caseReference: typed }: { caseReference: string }) {
  const t = useCasesTexts();
  const words = useCaseWords();
  const [formsWithErrors, setFormsWithErrors] = useState<ReadonlySet<string>>(new Set());
  const onErrorChange = useCallback((formId: string, hasErrors: boolean) => {
    setFormsWithErrors((current) => {
      if (current.has(formId) === hasErrors) return current;
      const next = new Set(current);
      if (hasErrors) next.add(formId);
      else next.delete(formId);
      return next;
    });
  }, []);

  const [reload, setReload] = useState(0);
  const { caseReference, loaded, setLoaded } = useLoadByCaseReference(typed, paths.case, lookUp, reload);
  const live = useLiveCase(loaded, setLoaded, () => setReload((n) => n + 1));

  const title =
    loaded.status === 'not-found'
      ? t.caseNotFound
      : loaded.status === 'invalid'
        ? t.referenceNotValid
        : t.caseTitle(caseReference ?? '').trim();
  useDocumentTitle(title, loaded.status === 'full' && formsWithErrors.size > 0);
  const found = loaded.status === 'full' || loaded.status === 'limited';

  return (
    <>
      <BackLink />
      <PageHeading
        caption={
          found ? t.caseCaption(channelInWords(loaded.case.channel, loaded.case.channelDetail, words)) : undefined
        }
      >
        {found ? loaded.case.caseReference : title}
      </PageHeading>
      {loaded.status === 'loading' ? <Loading text={t.loadingCase} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'invalid' || loaded.status === 'not-found' ? (
        <ReferenceNotFound
          status={loaded.status}
          notFound={t.noSuchCase(caseReference ?? '')}
          findHref={paths.cases}
          findText={t.findByReference}
        />
      ) : null}
      {loaded.status === 'limited' ? <LimitedCase brief={loaded.case} /> : null}
      {loaded.status === 'full' ? (
        <CaseDetails
          detail={loaded.case}
          onChange={live.changedHere}
          onErrorChange={onErrorChange}
          emailsVersion={live.emailsVersion}
        />
      ) : null}
    </>
  );
}

/**
 * Keeps the open case up to date while others work on it (realtime `case:changed`, ids only): the
 * case is read again through the audited API and replaces what is shown, so the sections' forms
 * keep what the agent was typing; the email thread is read again when an email came or went.
 * Only the newest read is shown, and one that started before the agent's own change is read again.
 * `gone`: the case can no longer be read in full (moved to another department): look it up again.
 */
function useLiveCase(loaded: Loaded, setLoaded: (loaded: Loaded) => void, gone: () => void) {
  const announce = useAnnounce();
  const t = useCasesTexts();
  const [emailsVersion, setEmailsVersion] = useState(0);
  const shown = useRef<CaseDetail | null>(null);
  const reads = useRef(0);
  const ownChanges = useRef(0);
  const reasons = useRef(new Set<CaseEvent['reason']>());
  useEffect(() => {
    shown.current = loaded.status === 'full' ? loaded.case : null;
  });

  const readAgain = useCallback(
    async (caseId: string) => {
      const read = ++reads.current;
      const changesBefore = ownChanges.current;
      let detail: CaseDetail;
      try {
        detail = await fetchCase(caseId);
      } catch (error) {
        if (read !== reads.current) return;
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
          reasons.current.clear();
          announce(t.caseUpdated);
          gone();
        }
        // Otherwise (offline, Ward unavailable) what is shown stays; the next event or reconnect tries again.
        return;
      }
      if (read !== reads.current || shown.current?.id !== caseId) return;
      // The agent changed the case meanwhile: this read may be older than what the page shows.
      if (ownChanges.current !== changesBefore) return void readAgain(caseId);
      const changed = !sameContent(shown.current, detail);
      // The realtime module decides whether to speak; the words are the cases area's (ADR 51).
      const said = caseUpdateAnnouncement(reasons.current, changed);
      const text = said && (reasons.current.has('email-received') ? t.newEmailOnCase : t.caseUpdated);
      reasons.current.clear();
      if (changed) setLoaded({ status: 'full', case: detail });
      if (text) announce(text);
    },
    [announce, gone, setLoaded, t],
  );

  useCaseEvents((event) => {
    const current = shown.current;
    if (!current || !concernsCase(event, current.id)) return;
    reasons.current.add(event.reason);
    if (event.reason === 'email-received' || event.reason === 'email-reply' || event.reason === 'reconnected')
      setEmailsVersion((n) => n + 1);
    void readAgain(current.id);
  });

  const changedHere = useCallback(
    (detail: CaseDetail) => {
      ownChanges.current += 1;
      setLoaded({ status: 'full', case: detail });
    },
    [setLoaded],
  );
  return { emailsVersion, changedHere };
}

/** Another department's case: what anyone may see, and nothing personal. */
function LimitedCase({ brief }: { brief: CaseBrief }) {
  const t = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  return (
    <>
      <div className="govuk-inset-text">{t.belongsTo(brief.departmentLabel)}</div>
      <SummaryList
        rows={[
          { key: t.caseReference, value: brief.caseReference },
          { key: t.channel, value: channelInWords(brief.channel, brief.channelDetail, words) },
          { key: t.topic, value: brief.topic },
          { key: t.department, value: brief.departmentLabel },
          { key: t.status, value: <CaseStatusTag status={brief.status} /> },
          { key: t.contacted, value: formatDateTime(brief.contactedAt, language) },
        ]}
      />
    </>
  );
}
