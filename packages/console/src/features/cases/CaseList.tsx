import type { CaseListItem, CasePage } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Table } from '../../ui/Table.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';

type Loaded = { status: 'loading' } | { status: 'ready'; page: CasePage } | { status: 'error'; message: string };

export const casesPerPage = 20;

/**
 * A page of open cases, newest first, with previous and next pages. When `refresh` changes (a case
 * event arrived), the page shown is read again and replaced, without a loading state or moving focus.
 */
export function CaseList({
  name,
  load,
  emptyText,
  showOwner,
  refresh = 0,
}: {
  name: string;
  load: (offset: number) => Promise<CasePage>;
  emptyText: string;
  showOwner?: boolean;
  refresh?: number;
}) {
  const [offsets, setOffsets] = useState<number[]>([0]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const regionRef = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  const t = useCasesTexts();
  const words = useCaseWords();
  const language = useLanguage();
  const lowerName = name.charAt(0).toLowerCase() + name.slice(1);
  const offset = offsets[offsets.length - 1] ?? 0;
  const pageNumber = offsets.length;

  useEffect(() => setOffsets([0]), [load]);
  // Which page is shown: a refresh of the same page keeps it on screen until the new one comes.
  const shown = useRef<{ load: (offset: number) => Promise<CasePage>; offset: number } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const samePage = shown.current?.load === load && shown.current.offset === offset;
    shown.current = { load, offset };
    if (!samePage) setLoaded({ status: 'loading' });
    load(offset).then(
      (page) => !cancelled && setLoaded({ status: 'ready', page }),
      (error: unknown) => {
        // A failed refresh leaves the page as it was; a failed first load says why.
        if (!cancelled)
          setLoaded((current) =>
            samePage && current.status === 'ready' ? current : { status: 'error', message: messageOf(error) },
          );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, offset, refresh]);

  function go(nextOffsets: number[]) {
    setOffsets(nextOffsets);
    announce(t.pageOf(nextOffsets.length, lowerName));
    regionRef.current?.focus();
  }

  return (
    <div ref={regionRef} tabIndex={-1} className="ward-page-heading">
      {loaded.status === 'loading' ? <Loading text={t.loadingList(lowerName)} /> : null}
      {loaded.status === 'error' ? <LoadError message={loaded.message} /> : null}
      {loaded.status === 'ready' && loaded.page.cases.length === 0 && pageNumber === 1 ? (
        <p className="govuk-body">{emptyText}</p>
      ) : null}
      {loaded.status === 'ready' && loaded.page.cases.length > 0 ? (
        <Table<CaseListItem>
          caption={`${t.newestFirst(name)}${pageNumber > 1 || loaded.page.nextOffset !== null ? t.pageNumber(pageNumber) : ''}`}
          captionClassName="govuk-table__caption--s"
          regionLabel={t.listOf(lowerName)}
          rows={loaded.page.cases}
          rowKey={(item) => item.id}
          columns={[
            {
              header: t.case,
              cell: (item) => (
                <Link className="govuk-link" href={pathTo(paths.case, { caseReference: item.caseReference })}>
                  {item.caseReference}
                </Link>
              ),
            },
            { header: t.channel, cell: (item) => words.channels[item.channel] },
            { header: t.topic, cell: (item) => item.topic },
            { header: t.department, cell: (item) => item.departmentLabel },
            { header: t.status, cell: (item) => <CaseStatusTag status={item.status} /> },
            ...(showOwner ? [{ header: t.owner, cell: (item: CaseListItem) => item.owner?.name ?? t.nobody }] : []),
            { header: t.contacted, cell: (item) => formatDateTime(item.contactedAt, language) },
          ]}
        />
      ) : null}
      {loaded.status === 'ready' && (pageNumber > 1 || loaded.page.nextOffset !== null) ? (
        <nav className="govuk-button-group" aria-label={t.listPages(name)}>
          {pageNumber > 1 ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={() => go(offsets.slice(0, -1))}
            >
              {t.previousPage}
              <span className="govuk-visually-hidden">{t.ofList(lowerName)}</span>
            </button>
          ) : null}
          {loaded.page.nextOffset !== null ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={() => go([...offsets, loaded.page.nextOffset ?? 0])}
            >
              {t.nextPage}
              <span className="govuk-visually-hidden">{t.ofList(lowerName)}</span>
            </button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
