import type { Message, QuotedCase } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fetchQuotedCases } from '../../api/records.ts';
import { Link } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { casePath } from '../records/record-wording.ts';
import { statusColours } from '../cases/case-wording.ts';
import type { CaseWords } from '../cases/texts-words-en.ts';
import { useCaseWords } from '../cases/texts-words.ts';
import { quotedReferences } from './quoted-references.ts';

function describe(found: QuotedCase, words: CaseWords): string {
  return words.quotedFound(
    found.caseReference,
    found.topic,
    words.channels[found.channel].toLowerCase(),
    words.statuses[found.status].toLowerCase(),
  );
}

/**
 * The cases the resident quoted in this chat (ADR 14: found for the agent at once). The server is
 * asked again only when the resident types a reference not seen before; each case found is
 * announced politely, once.
 */
export function QuotedCases({
  conversationId,
  caseReference,
  messages,
}: {
  conversationId: string;
  caseReference: string;
  messages: Message[];
}) {
  const key = quotedReferences(messages, caseReference).join(' ');
  const [cases, setCases] = useState<QuotedCase[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const words = useCaseWords();
  const announced = useRef(new Set<string>());

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    fetchQuotedCases(conversationId).then(
      (found) => {
        if (cancelled) return;
        setCases(found);
        setProblem(null);
        const fresh = found.filter((c) => !announced.current.has(c.id));
        for (const c of fresh) announced.current.add(c.id);
        if (fresh.length === 1 && fresh[0]) announce(describe(fresh[0], words));
        else if (fresh.length > 1) announce(words.quotedManyFound(fresh.length));
      },
      (error: unknown) => !cancelled && setProblem(messageOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [conversationId, key, announce, words]);

  if (cases.length === 0 && !problem) return null;
  return (
    <section aria-labelledby={`quoted-heading-${conversationId}`} className="govuk-!-margin-bottom-4">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`quoted-heading-${conversationId}`}>
        {words.quotedHeading}
      </h3>
      {problem ? <p className="govuk-body">{words.quotedNotFound(problem)}</p> : null}
      <ul className="govuk-list">
        {cases.map((c) => {
          return (
            <li key={c.id} className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-2">
              <Link className="govuk-link govuk-!-font-weight-bold" href={casePath(c.caseReference)}>
                {c.caseReference}
              </Link>{' '}
              <Tag colour={statusColours[c.status]}>{words.statuses[c.status]}</Tag>
              <br />
              {c.topic} · {words.channels[c.channel]} · {c.departmentLabel}
              {c.access === 'limited' ? (
                <>
                  <br />
                  <span className="govuk-hint govuk-!-margin-bottom-0">
                    {words.onlyDepartmentSees(c.departmentLabel)}
                  </span>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
