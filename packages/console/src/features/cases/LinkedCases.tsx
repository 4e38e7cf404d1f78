import type { CaseBrief, CaseDetail } from '@ward/protocol';
import { useRef, useState } from 'react';
import { linkCase, unlinkCase } from '../../api/cases.ts';
import { messageOf } from '../../api/errors.ts';
import { pathTo, paths } from '../../route-match.ts';
import { Link } from '../../router.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import type { Column } from '../../ui/Table.tsx';
import { Table } from '../../ui/Table.tsx';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { useShellTexts } from '../../i18n/shell.ts';
import { useCasesTexts } from './texts.ts';
import { useCaseWords } from './texts-words.ts';
import { checkLinkReference } from './validate-case.ts';

/** Related contacts, whichever side linked them: listed, unlinked, or linked by reference. */
export function LinkedCases({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const t = useCasesTexts();
  const words = useCaseWords();
  const shell = useShellTexts();
  const language = useLanguage();
  const [typed, setTyped] = useState('');
  const [unlinkError, setUnlinkError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function unlink(linked: CaseBrief) {
    if (busy) return;
    setBusy(true);
    setUnlinkError(null);
    try {
      const next = await unlinkCase(detail.id, linked.id);
      onChange(next, t.noLongerLinked(linked.caseReference));
      // The button has gone with its row: focus returns to the section.
      headingRef.current?.focus();
    } catch (error) {
      setUnlinkError(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<CaseBrief>[] = [
    {
      header: t.case,
      cell: (linked) => (
        <Link className="govuk-link" href={pathTo(paths.case, { caseReference: linked.caseReference })}>
          {linked.caseReference}
        </Link>
      ),
    },
    { header: t.channel, cell: (linked) => words.channels[linked.channel] },
    { header: t.department, cell: (linked) => linked.departmentLabel },
    { header: t.contacted, cell: (linked) => formatDate(linked.contactedAt, language) },
    { header: t.status, cell: (linked) => <CaseStatusTag status={linked.status} /> },
    {
      header: <span className="govuk-visually-hidden">{t.actions}</span>,
      cell: (linked) => (
        <button
          type="button"
          className="ward-link-button"
          onClick={() => void unlink(linked)}
          aria-disabled={busy || undefined}
        >
          {t.unlink}
          <span className="govuk-visually-hidden">{t.caseHidden(linked.caseReference)}</span>
        </button>
      ),
    },
  ];

  return (
    <section aria-labelledby="linked-heading">
      <h2 className="govuk-heading-m ward-page-heading" id="linked-heading" ref={headingRef} tabIndex={-1}>
        {t.relatedCases}
      </h2>
      {unlinkError ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">{shell.errorPrefix}</span> {unlinkError}
        </p>
      ) : null}
      {detail.linkedCases.length === 0 ? (
        <p className="govuk-body">{t.noLinkedCases}</p>
      ) : (
        <Table
          caption={t.linkedCaption}
          captionClassName="govuk-table__caption--s"
          regionLabel={t.linkedCases}
          rows={detail.linkedCases}
          rowKey={(c) => c.id}
          columns={columns}
        />
      )}
      <CaseForm
        id="link-case"
        fieldId="link-reference"
        submitText={t.linkCase}
        secondary
        onErrorChange={onErrorChange}
        check={() =>
          runIfValid(
            checkLinkReference(
              typed,
              detail.caseReference,
              detail.linkedCases.map((c) => c.caseReference),
              t,
            ),
            async (value) => {
              const next = await linkCase(detail.id, value);
              setTyped('');
              onChange(next, t.caseLinked(value));
            },
          )
        }
      >
        {(error) => (
          <TextInput
            id="link-reference"
            label={t.linkRelated}
            labelClassName="govuk-label--s"
            hint={t.linkHint}
            widthClassName="govuk-input--width-10"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={typed}
            onValueChange={setTyped}
            error={error}
          />
        )}
      </CaseForm>
    </section>
  );
}
