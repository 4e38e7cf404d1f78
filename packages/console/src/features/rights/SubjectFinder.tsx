import type { CaseCandidate, RecordCandidate, ScopeItemBody, SubjectCandidatesResponse } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { findSubjectCandidates } from '../../api/rights.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import type { FormCheck } from '../../ui/form-submission.ts';
import { formatDate } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import {
  recordSearchFields,
  validateRecordSearch,
  type RecordSearchField,
  type TypedRecordSearch,
} from '../records/validate-record.ts';
import { useLanguage } from '../../i18n/language.tsx';
import type { FieldErrors } from '../../ui/validation.ts';
import { contactsText, countText, matchedText } from './subject-finder-wording.ts';
import type { RightsDataTexts } from './texts-data-en.ts';
import { useRightsDataTexts } from './texts.ts';

const empty: TypedRecordSearch = { name: '', email: '', phone: '', postcode: '', caseReference: '' };
const ids = Object.fromEntries(recordSearchFields.map((f) => [f, `finder-${f}`])) as Record<RecordSearchField, string>;

/**
 * The search's problems in the console's language: the check is the records area's (in English),
 * and each field has one problem of its own, the name two (nothing typed at all, or too short).
 */
function errorsIn(
  errors: FieldErrors<RecordSearchField>,
  typed: TypedRecordSearch,
  says: RightsDataTexts,
): FieldErrors<RecordSearchField> {
  const no = says.finderErrors;
  const nothingTyped = recordSearchFields.every((field) => typed[field].trim() === '');
  const said: FieldErrors<RecordSearchField> = {};
  for (const field of recordSearchFields) {
    if (!errors[field]) continue;
    said[field] = field === 'name' ? (nothingTyped ? no.enterSomething : no.nameTooShort) : no[field];
  }
  return said;
}

/**
 * Searches everything about the request's resident (records and contacts on every channel, through
 * the blind indexes) and lets the officer confirm each candidate that is theirs. Nothing is attached
 * on a guess. Typed values go in a POST body, never the URL.
 */
export function SubjectFinder({
  requestId,
  canChange,
  onConfirm,
  revision,
  onErrorChange,
}: {
  requestId: string;
  canChange: boolean;
  onConfirm: (item: ScopeItemBody, label: string) => Promise<void>;
  /** Changes whenever the scope changes, so the results' "Confirmed" marks follow it. */
  revision: number;
  onErrorChange: (hasErrors: boolean) => void;
}) {
  const announce = useAnnounce();
  const says = useRightsDataTexts();
  const [typed, setTyped] = useState(empty);
  const [results, setResults] = useState<SubjectCandidatesResponse | null>(null);
  const [searched, setSearched] = useState<TypedRecordSearch | null>(null);
  const set = (field: RecordSearchField) => (value: string) => setTyped((t) => ({ ...t, [field]: value }));
  const { errors, summary, hasErrors, attempt, busy, submit } = useFormSubmit(ids, recordSearchFields);
  useEffect(() => onErrorChange(hasErrors), [hasErrors, onErrorChange]);

  async function search(query: TypedRecordSearch) {
    const checked = validateRecordSearch(query);
    if ('errors' in checked) return;
    const found = await findSubjectCandidates(requestId, checked.query);
    setResults(found);
    setSearched(query);
    return found;
  }
  // After a confirm or a removal elsewhere on the page, the same search again shows what changed.
  useEffect(() => {
    if (revision > 0 && searched) void search(searched);
  }, [revision]);

  function check(): FormCheck<RecordSearchField> {
    const checked = validateRecordSearch(typed);
    if ('errors' in checked) return { errors: errorsIn(checked.errors, typed, says) };
    return {
      send: async () => {
        const found = await search(typed);
        if (found)
          announce(
            says.found(
              countText(found.records.length, says.counted.customerRecord),
              contactsText(found.cases.length, says),
            ),
          );
      },
    };
  }
  const common = { autoComplete: 'off', spellCheck: false } as const;
  return (
    <section aria-labelledby="finder-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="finder-heading">
        {says.finderHeading}
      </h2>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event, check)} role="search" aria-labelledby="finder-heading">
        <p className="govuk-body">{says.finderIntro}</p>
        <TextInput
          id={ids.name}
          label={says.name}
          value={typed.name}
          onValueChange={set('name')}
          error={errors.name}
          {...common}
        />
        <TextInput
          id={ids.email}
          label={says.emailAddress}
          type="email"
          value={typed.email}
          onValueChange={set('email')}
          error={errors.email}
          {...common}
        />
        <TextInput
          id={ids.phone}
          label={says.phoneNumber}
          type="tel"
          widthClassName="govuk-input--width-20"
          value={typed.phone}
          onValueChange={set('phone')}
          error={errors.phone}
          {...common}
        />
        <TextInput
          id={ids.postcode}
          label={says.postcode}
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.postcode}
          onValueChange={set('postcode')}
          error={errors.postcode}
          {...common}
        />
        <TextInput
          id={ids.caseReference}
          label={says.caseReference}
          hint={says.caseReferenceHint}
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.caseReference}
          onValueChange={set('caseReference')}
          error={errors.caseReference}
          {...common}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          {says.search}
        </button>
      </form>
      {results ? <Candidates results={results} canChange={canChange} onConfirm={onConfirm} /> : null}
    </section>
  );
}

function Candidates({
  results,
  canChange,
  onConfirm,
}: {
  results: SubjectCandidatesResponse;
  canChange: boolean;
  onConfirm: (item: ScopeItemBody, label: string) => Promise<void>;
}) {
  const says = useRightsDataTexts();
  const language = useLanguage();
  if (results.records.length === 0 && results.cases.length === 0) return <p className="govuk-body">{says.noneFound}</p>;
  const action = (candidate: RecordCandidate | CaseCandidate, item: ScopeItemBody, label: string) =>
    candidate.confirmed ? (
      <Tag colour="green">{says.confirmed}</Tag>
    ) : candidate.inScope ? (
      <Tag colour="grey">{says.inScopeThroughRecord}</Tag>
    ) : canChange ? (
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => void onConfirm(item, label)}
      >
        {says.confirm}
        <span className="govuk-visually-hidden"> {label}</span>
      </button>
    ) : null;
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{says.customerRecords}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {says.name}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.contacts}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.lastContact}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.matched}
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{says.action}</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {results.records.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>
                {says.noneFoundCell}
              </td>
            </tr>
          ) : null}
          {results.records.map((record) => {
            const label = says.recordLabel(record.names.join(', ') || says.withNoName);
            return (
              <tr className="govuk-table__row" key={record.id}>
                <td className="govuk-table__cell">{record.names.join(', ') || says.noNameCell}</td>
                <td className="govuk-table__cell">{record.cases}</td>
                <td className="govuk-table__cell">
                  {record.lastContactAt ? formatDate(record.lastContactAt, language) : says.none}
                </td>
                <td className="govuk-table__cell">{matchedText(record.matched, says)}</td>
                <td className="govuk-table__cell">
                  {action(record, { kind: 'customer-record', id: record.id }, label)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{says.contacts}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {says.caseReference}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.channel}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.date}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.department}
            </th>
            <th scope="col" className="govuk-table__header">
              {says.matched}
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">{says.action}</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {results.cases.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={6}>
                {says.noneFoundCell}
              </td>
            </tr>
          ) : null}
          {results.cases.map((found) => {
            const label = `${says.channels[found.channel]} ${found.caseReference}`;
            return (
              <tr className="govuk-table__row" key={found.id}>
                <td className="govuk-table__cell">{found.caseReference}</td>
                <td className="govuk-table__cell">{says.channels[found.channel]}</td>
                <td className="govuk-table__cell">{formatDate(found.contactedAt, language)}</td>
                <td className="govuk-table__cell">{found.department}</td>
                <td className="govuk-table__cell">{matchedText(found.matched, says)}</td>
                <td className="govuk-table__cell">{action(found, { kind: 'case', id: found.id }, label)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
