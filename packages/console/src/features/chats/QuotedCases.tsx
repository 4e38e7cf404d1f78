import type { Message, QuotedCase } from '@ward/protocol';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fetchQuotedCases } from '../../api/records.ts';
import { Link } from '../../router.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { casePath, caseStatusTag, channelLabel } from '../records/record-wording.ts';
import { quotedReferences } from './quoted-references.ts';

function describe(found: QuotedCase): string {
  return `Case ${found.caseReference} found: ${found.topic}, ${channelLabel(found.channel).toLowerCase()}, ${caseStatusTag(found.status).text.toLowerCase()}`;
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
        if (fresh.length === 1 && fresh[0]) announce(describe(fresh[0]));
        else if (fresh.length > 1) announce(`${fresh.length} cases the resident quoted were found`);
      },
      (error: unknown) => !cancelled && setProblem(messageOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [conversationId, key, announce]);

  if (cases.length === 0 && !problem) return null;
  return (
    <section aria-labelledby={`quoted-heading-${conversationId}`} className="govuk-!-margin-bottom-4">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`quoted-heading-${conversationId}`}>
        Cases the resident quoted
      </h3>
      {problem ? <p className="govuk-body">The cases the resident quoted could not be found: {problem}</p> : null}
      <ul className="govuk-list">
        {cases.map((c) => {
          const tag = caseStatusTag(c.status);
          return (
            <li key={c.id} className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-2">
              <Link className="govuk-link govuk-!-font-weight-bold" href={casePath(c.caseReference)}>
                {c.caseReference}
              </Link>{' '}
              <Tag colour={tag.colour}>{tag.text}</Tag>
              <br />
              {c.topic} · {channelLabel(c.channel)} · {c.departmentLabel}
              {c.access === 'limited' ? (
                <>
                  <br />
                  <span className="govuk-hint govuk-!-margin-bottom-0">
                    Only {c.departmentLabel} staff can see its details.
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
