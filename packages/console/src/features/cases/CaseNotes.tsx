import type { CaseDetail } from '@ward/protocol';
import { caseNoteMaxChars } from '@ward/protocol';
import { useState } from 'react';
import { addCaseNote } from '../../api/cases.ts';
import { Textarea } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { ErrorReporter, OnCaseChange } from './case-callbacks.ts';
import { CaseForm, runIfValid } from './CaseForm.tsx';
import { checkNote } from './validate-case.ts';

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
  const [text, setText] = useState('');
  const notes = detail.entries.filter((entry) => entry.kind === 'note').reverse();
  return (
    <section aria-labelledby="notes-heading">
      <h2 className="govuk-heading-m" id="notes-heading">
        Notes
      </h2>
      {notes.length === 0 ? <p className="govuk-body">There are no notes yet.</p> : null}
      {notes.length > 0 ? (
        <ul className="govuk-list ward-case-notes">
          {notes.map((note) => (
            <li key={note.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <strong>{note.author?.name ?? 'Ward'}</strong> on {formatDateTime(note.createdAt)}
              </p>
              <p className="govuk-body ward-pre-wrap ward-break-anywhere">
                {note.text ?? 'This note has been deleted.'}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <CaseForm
        id="add-note"
        fieldId="case-note"
        submitText="Add note"
        onErrorChange={onErrorChange}
        check={() =>
          runIfValid(checkNote(text), async (value) => {
            const next = await addCaseNote(detail.id, value);
            setText('');
            onChange(next, 'Note added');
          })
        }
      >
        {(error) => (
          <Textarea
            id="case-note"
            label="Add a note"
            labelClassName="govuk-label--s"
            hint={`Only staff see notes. Card numbers, bank details and National Insurance numbers are removed. Up to ${caseNoteMaxChars} characters.`}
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
