import type { CaseCandidate, RecordCandidate, ScopeItemBody, SubjectCandidatesResponse } from '@ward/protocol';
import { useEffect, useState } from 'react';
import { findSubjectCandidates } from '../../api/rights.ts';
import { channelNames } from '../cases/case-wording.ts';
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
import { contactsText, matchedText } from './subject-finder-wording.ts';

const empty: TypedRecordSearch = { name: '', email: '', phone: '', postcode: '', caseReference: '' };
const ids = Object.fromEntries(recordSearchFields.map((f) => [f, `finder-${f}`])) as Record<RecordSearchField, string>;

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
    if ('errors' in checked) return checked;
    return {
      send: async () => {
        const found = await search(typed);
        if (found)
          announce(
            `Found ${found.records.length} customer record${found.records.length === 1 ? '' : 's'} and ${contactsText(found.cases.length)}`,
          );
      },
    };
  }
  const common = { autoComplete: 'off', spellCheck: false } as const;
  return (
    <section aria-labelledby="finder-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="finder-heading">
        Find the resident's data
      </h2>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event, check)} role="search" aria-labelledby="finder-heading">
        <p className="govuk-body">
          Fill in one or more. Each is searched on its own, across customer records, chats, emails, forms, social media
          requests and logged contacts.
        </p>
        <TextInput
          id={ids.name}
          label="Name"
          value={typed.name}
          onValueChange={set('name')}
          error={errors.name}
          {...common}
        />
        <TextInput
          id={ids.email}
          label="Email address"
          type="email"
          value={typed.email}
          onValueChange={set('email')}
          error={errors.email}
          {...common}
        />
        <TextInput
          id={ids.phone}
          label="Phone number"
          type="tel"
          widthClassName="govuk-input--width-20"
          value={typed.phone}
          onValueChange={set('phone')}
          error={errors.phone}
          {...common}
        />
        <TextInput
          id={ids.postcode}
          label="Postcode"
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.postcode}
          onValueChange={set('postcode')}
          error={errors.postcode}
          {...common}
        />
        <TextInput
          id={ids.caseReference}
          label="Case reference"
          hint="For example, 4K7M-9P2X"
          widthClassName="govuk-input--width-10"
          autoCapitalize="characters"
          value={typed.caseReference}
          onValueChange={set('caseReference')}
          error={errors.caseReference}
          {...common}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Search
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
  if (results.records.length === 0 && results.cases.length === 0)
    return <p className="govuk-body">No customer records or contacts found.</p>;
  const action = (candidate: RecordCandidate | CaseCandidate, item: ScopeItemBody, label: string) =>
    candidate.confirmed ? (
      <Tag colour="green">Confirmed</Tag>
    ) : candidate.inScope ? (
      <Tag colour="grey">In scope through a record</Tag>
    ) : canChange ? (
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => void onConfirm(item, label)}
      >
        Confirm<span className="govuk-visually-hidden"> {label}</span>
      </button>
    ) : null;
  return (
    <>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Customer records</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Contacts
            </th>
            <th scope="col" className="govuk-table__header">
              Last contact
            </th>
            <th scope="col" className="govuk-table__header">
              Matched
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {results.records.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>
                None found
              </td>
            </tr>
          ) : null}
          {results.records.map((record) => {
            const label = `customer record ${record.names.join(', ') || 'with no name'}`;
            return (
              <tr className="govuk-table__row" key={record.id}>
                <td className="govuk-table__cell">{record.names.join(', ') || 'No name'}</td>
                <td className="govuk-table__cell">{record.cases}</td>
                <td className="govuk-table__cell">
                  {record.lastContactAt ? formatDate(record.lastContactAt) : 'None'}
                </td>
                <td className="govuk-table__cell">{matchedText(record.matched)}</td>
                <td className="govuk-table__cell">
                  {action(record, { kind: 'customer-record', id: record.id }, label)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Contacts</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Case reference
            </th>
            <th scope="col" className="govuk-table__header">
              Channel
            </th>
            <th scope="col" className="govuk-table__header">
              Date
            </th>
            <th scope="col" className="govuk-table__header">
              Department
            </th>
            <th scope="col" className="govuk-table__header">
              Matched
            </th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {results.cases.length === 0 ? (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={6}>
                None found
              </td>
            </tr>
          ) : null}
          {results.cases.map((found) => {
            const label = `${channelNames[found.channel]} ${found.caseReference}`;
            return (
              <tr className="govuk-table__row" key={found.id}>
                <td className="govuk-table__cell">{found.caseReference}</td>
                <td className="govuk-table__cell">{channelNames[found.channel]}</td>
                <td className="govuk-table__cell">{formatDate(found.contactedAt)}</td>
                <td className="govuk-table__cell">{found.department}</td>
                <td className="govuk-table__cell">{matchedText(found.matched)}</td>
                <td className="govuk-table__cell">{action(found, { kind: 'case', id: found.id }, label)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
