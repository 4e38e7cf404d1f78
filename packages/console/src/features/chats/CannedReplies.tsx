import type { CannedReply } from '@ward/protocol';
import { fillPlaceholders, firstNameOf } from '@ward/protocol';
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { fetchCannedReplies } from '../../api/canned-replies.ts';
import { messageOf } from '../../api/errors.ts';
import { useStaff } from '../../session/session.tsx';
import { useChatWorkTexts } from './texts.ts';

interface CannedRepliesProps {
  conversationId: string;
  visitorName: string;
  caseReference: string;
  /** Whether the list is open (the composer opens it with its shortcut). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The chosen reply, placeholders filled in, for the agent to edit before sending. */
  onInsert: (text: string) => void;
}

const matches = (reply: CannedReply, query: string) => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${reply.title} ${reply.body}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/**
 * The canned replies of the agent and their departments, searched in a combobox (the ARIA 1.2
 * pattern: focus stays in the search box, the arrow keys move through the list, Enter inserts,
 * Escape goes back to the reply). The number found is announced politely as it changes.
 */
export function CannedReplies({
  conversationId,
  visitorName,
  caseReference,
  open,
  onOpenChange,
  onInsert,
}: CannedRepliesProps) {
  const me = useStaff();
  const [replies, setReplies] = useState<CannedReply[] | string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const says = useChatWorkTexts();
  const search = useRef<HTMLInputElement>(null);
  const id = `canned-${conversationId}`;

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setQuery('');
    setActive(0);
    search.current?.focus();
    // Read each time the list opens: replies change as colleagues manage them.
    fetchCannedReplies().then(
      (list) => !cancelled && setReplies(list),
      (error: unknown) => !cancelled && setReplies(messageOf(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [open]);

  if (!open) return null;
  const found = Array.isArray(replies) ? replies.filter((reply) => matches(reply, query)) : [];
  const current = Math.min(active, Math.max(found.length - 1, 0));

  function close() {
    onOpenChange(false);
    requestAnimationFrame(() => document.getElementById(`reply-${conversationId}`)?.focus());
  }

  function choose(reply: CannedReply) {
    onInsert(
      fillPlaceholders(reply.body, {
        'resident first name': firstNameOf(visitorName),
        'case reference': caseReference,
        'agent first name': me.firstName,
      }),
    );
    close();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (found.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + found.length) % found.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const reply = found[current];
      if (reply) choose(reply);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  }

  const status =
    replies === null
      ? says.loadingCanned
      : typeof replies === 'string'
        ? says.cannedNotLoaded(replies)
        : found.length === 0
          ? says.noCannedMatch
          : says.cannedFound(found.length);

  return (
    <div className="ward-canned-replies govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {says.searchCanned}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        {says.escapeBack}
      </div>
      <input
        ref={search}
        id={id}
        className="govuk-input"
        type="text"
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={found.length > 0 ? `${id}-option-${current}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={says.cannedReplies} className="ward-canned-replies__list">
        {found.map((reply, index) => (
          <li
            key={reply.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === current}
            className={`ward-canned-replies__option${index === current ? ' ward-canned-replies__option--active' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(reply)}
          >
            <strong>{reply.title}</strong>
            <span className="ward-canned-replies__body">{reply.body}</span>
          </li>
        ))}
      </ul>
      <p className="govuk-visually-hidden" role="status">
        {status}
      </p>
      {typeof replies === 'string' || (Array.isArray(replies) && found.length === 0) ? (
        <p className="govuk-body">{status}</p>
      ) : null}
    </div>
  );
}
