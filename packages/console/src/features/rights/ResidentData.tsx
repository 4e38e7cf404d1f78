import type { ObjectionPurpose, RightsRequestDetail, ScopeItemBody, SubjectScopeResponse } from '@ward/protocol';
import { useEffect, useState } from 'react';
import {
  confirmScopeItem,
  fetchSubjectScope,
  liftRestriction,
  recordObjection,
  removeScopeItem,
  restrictProcessing,
} from '../../api/rights.ts';
import { messageOf } from '../../api/errors.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorSummary, type ErrorItem } from '../../ui/ErrorSummary.tsx';
import { Radios } from '../../ui/Field.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { SubjectFinder } from './SubjectFinder.tsx';
import { useLanguage } from '../../i18n/language.tsx';
import { countsText, rootText } from './subject-finder-wording.ts';
import { useRightsDataTexts } from './texts.ts';

/**
 * "Find the resident's data" on a request page (ADR 32, 33): the finder, what the officer confirmed
 * with what it covers, and, on restriction and objection requests, what stops Ward using it.
 */
export function ResidentData({
  request,
  onErrorChange,
  onScopeChange,
}: {
  request: RightsRequestDetail;
  onErrorChange: (hasErrors: boolean) => void;
  /** After a confirm or a removal: what depends on the scope (the erasure's preview) reads it again. */
  onScopeChange?: () => void;
}) {
  const announce = useAnnounce();
  const says = useRightsDataTexts();
  const loaded = useLoaded(() => fetchSubjectScope(request.id), request.id);
  const [scope, setScope] = useState<SubjectScopeResponse | null>(null);
  const [revision, setRevision] = useState(0);
  const [refusal, setRefusal] = useState<{ items: ErrorItem[]; attempt: number } | null>(null);
  const refuse = (item: ErrorItem) => setRefusal((r) => ({ items: [item], attempt: (r?.attempt ?? 0) + 1 }));
  const [finderErrors, setFinderErrors] = useState(false);
  useEffect(() => {
    if (loaded.loaded.status === 'ready') setScope(loaded.loaded.data);
  }, [loaded.loaded]);
  useEffect(() => onErrorChange(finderErrors || refusal !== null), [finderErrors, refusal, onErrorChange]);
  const open = request.flag.kind !== 'closed';

  async function change(send: () => Promise<SubjectScopeResponse>, done: string) {
    try {
      setScope(await send());
      setRefusal(null);
      setRevision((r) => r + 1);
      onScopeChange?.();
      announce(done);
    } catch (error) {
      refuse({ text: messageOf(error) });
    }
  }
  const confirm = (item: ScopeItemBody, label: string) =>
    change(() => confirmScopeItem(request.id, item), says.confirmedAs(label));

  return (
    <>
      <ErrorSummary errors={refusal?.items ?? []} attempt={refusal?.attempt ?? 0} />
      <SubjectFinder
        requestId={request.id}
        canChange={open}
        onConfirm={confirm}
        revision={revision}
        onErrorChange={setFinderErrors}
      />
      <section aria-labelledby="scope-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="scope-heading">
          {says.scopeHeading}
        </h2>
        {loaded.loaded.status === 'loading' && !scope ? <Loading text={says.loadingScope} /> : null}
        {loaded.loaded.status === 'error' ? <LoadError message={loaded.loaded.message} /> : null}
        {scope ? (
          <>
            {scope.roots.length === 0 ? (
              <p className="govuk-body">{open ? says.nothingYet : says.nothingConfirmed}</p>
            ) : (
              <ul className="govuk-list">
                {scope.roots.map((root) => (
                  <li key={`${root.kind}-${root.id}`} className="ward-scope-root">
                    {rootText(root, says)}{' '}
                    {open ? (
                      <button
                        type="button"
                        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                        onClick={() =>
                          void change(
                            () => removeScopeItem(request.id, { kind: root.kind, id: root.id }),
                            says.removed(rootText(root, says)),
                          )
                        }
                      >
                        {says.remove}
                        <span className="govuk-visually-hidden"> {rootText(root, says)}</span>
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <p className="govuk-body" data-testid="scope-counts">
              {says.covers(countsText(scope.counts, says))}
            </p>
            {request.type === 'restriction' ? (
              <Restriction request={request} scope={scope} open={open} change={change} />
            ) : null}
            {request.type === 'objection' ? (
              <Objection
                request={request}
                scope={scope}
                open={open}
                change={change}
                refuse={refuse}
                error={refusal?.items.find((i) => i.fieldId === 'objection-purpose')?.text}
              />
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

type Change = (send: () => Promise<SubjectScopeResponse>, done: string) => Promise<void>;

function Restriction({
  request,
  scope,
  open,
  change,
}: {
  request: RightsRequestDetail;
  scope: SubjectScopeResponse;
  open: boolean;
  change: Change;
}) {
  const says = useRightsDataTexts();
  const language = useLanguage();
  if (scope.restrictedAt)
    return (
      <>
        <p className="govuk-body">
          <Tag colour="red">{says.processingRestricted}</Tag>
          {says.restrictedSince(formatDateTime(scope.restrictedAt, language))}
        </p>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => void change(() => liftRestriction(request.id), says.restrictionLifted)}
        >
          {says.liftRestriction}
        </button>
      </>
    );
  if (!open || scope.roots.length === 0) return null;
  return (
    <button
      type="button"
      className="govuk-button govuk-button--warning"
      onClick={() => void change(() => restrictProcessing(request.id), says.processingRestricted)}
    >
      {says.restrictProcessing}
    </button>
  );
}

function Objection({
  request,
  scope,
  open,
  change,
  refuse,
  error,
}: {
  request: RightsRequestDetail;
  scope: SubjectScopeResponse;
  open: boolean;
  change: Change;
  refuse: (item: ErrorItem) => void;
  error: string | undefined;
}) {
  const says = useRightsDataTexts();
  const objectionNames = says.objections;
  const [purpose, setPurpose] = useState<ObjectionPurpose | ''>('');
  const left = (Object.keys(objectionNames) as ObjectionPurpose[]).filter((p) => !scope.objections.includes(p));
  return (
    <>
      {scope.objections.length > 0 ? (
        <p className="govuk-body">
          {says.objectedTo(scope.objections.map((p) => objectionNames[p].toLowerCase()).join('; '))}
        </p>
      ) : null}
      {open && scope.roots.length > 0 && left.length > 0 ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!purpose) return refuse({ fieldId: 'objection-purpose', text: says.selectObjection });
            void change(
              () => recordObjection(request.id, purpose),
              says.objectionRecorded(objectionNames[purpose].toLowerCase()),
            );
          }}
        >
          <Radios<ObjectionPurpose>
            id="objection-purpose"
            legend={says.objectQuestion}
            hint={says.objectHint}
            items={left.map((p) => ({ value: p, label: objectionNames[p] }))}
            value={purpose}
            onValueChange={setPurpose}
            error={error}
          />
          <button type="submit" className="govuk-button govuk-button--warning">
            {says.recordObjection}
          </button>
        </form>
      ) : null}
    </>
  );
}
