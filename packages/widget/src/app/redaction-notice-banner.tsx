import { useEffect, useRef, useState } from 'preact/hooks';
import type { RedactionCategory } from '@ward/protocol';
import { redactionNotice } from './redaction-notice.ts';
import { m } from './i18n.ts';

/**
 * Shown just above the message box after Ward removed card details, bank details or a National
 * Insurance number from the resident's message. Not a live region: the dialogue's polite region
 * says it once. Once read (the resident starts their next message) it folds to one line, so the
 * conversation keeps its room; "Show more" opens it again. "Hide this message" removes it and
 * returns focus to the message box.
 */
export function RedactionNoticeBanner({
  categories,
  read,
  onDismiss,
}: {
  categories: RedactionCategory[];
  /** The resident has moved on: show the one-line summary unless they open it again. */
  read: boolean;
  onDismiss: () => void;
}) {
  const notice = redactionNotice(categories);
  const [reopened, setReopened] = useState(false);
  const folded = read && !reopened;
  const heading = useRef<HTMLParagraphElement>(null);
  // "Show more" goes away as the notice opens: focus moves to its first line, read in full.
  useEffect(() => {
    if (reopened) heading.current?.focus();
  }, [reopened]);
  return (
    <div
      class={folded ? 'ward-notice ward-notice--folded' : 'ward-notice'}
      role="region"
      aria-labelledby="redaction-notice-heading"
      data-redaction-notice
    >
      <p class="ward-notice__heading" id="redaction-notice-heading" tabindex={-1} ref={heading}>
        <span class="ward-visually-hidden">{notice.title}: </span>
        {folded ? notice.summary : notice.heading}
      </p>
      {folded ? (
        <button type="button" class="ward-link-button" onClick={() => setReopened(true)}>
          {m.showMore}
          <span class="ward-visually-hidden">{m.showMoreHidden}</span>
        </button>
      ) : (
        <>
          {notice.advice.map((text) => (
            <p class="ward-notice__text" key={text}>
              {text}
            </p>
          ))}
          <button type="button" class="ward-link-button" onClick={onDismiss}>
            {m.hideNotice}
          </button>
        </>
      )}
    </div>
  );
}
