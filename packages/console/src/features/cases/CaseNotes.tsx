import type { CaseDetail } from '@ward/protocol';
import { useState } from 'react';
import { addCaseNote } from '../../api/cases.ts';
import { Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { checkNote } from './validate-case.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useCasesTexts } from './texts.ts';

/** Staff notes, newest first, each with who wrote it and when; and a form to add one. */
export function CaseNotes({
  detail,
  onChange,
  onErrorChange,
}: {
  detail: CaseDetail;
  onChange: OnCaseChange;
  onErrorChange: ErrorReporter;
}) {
  const t = useCasesTexts();
  const language = useLanguage();
  const [text, setText] = useState('');
  const notes = detail.entries.filter((entry) => entry.kind === 'note').reverse();
  return (
    <section aria-labelledby="notes-heading">
      <h2 className="govuk-heading-m" id="notes-heading">
        {t.notes}
      </h2>
      {notes.length === 0 ? <p className="govuk-body">{t.noNotes}</p> : null}
      {notes.length > 0 ? (
        <ul className="govuk-list ward-case-notes">
          {notes.map((note) => (
            <li key={note.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{note.author?.name ?? 'Ward'}</strong>
                {t.byOn}
                {formatDateTime(note.createdAt, language)}
              </p>
              <p className="govuk-body ward-pre-wrap ward-break-anywhere">{note.text ?? t.noteDeleted}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <CaseForm
        id="add-note"
        fieldId="case-note"
        submitText={t.addNote}
        onErrorChange={onErrorChange}
        check={() =>
          runIfValid(checkNote(text, t), async (value) => {
            const next = await addCaseNote(detail.id, value);
            setText('');
            onChange(next, t.noteAdded);
          })
        }
      >
        {(error) => (
          <Textarea
            id="case-note"
            label={t.addANote}
            labelClassName="govuk-label--s"
            hint={t.noteHint}
            rows={4}
            value={text}
            onValueChange={setText}
            error={error}
          />
        )}
      </CaseForm>
    </section>
  );
}
