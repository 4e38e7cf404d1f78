import type { RedactionCategory } from '@ward/protocol';
import { redactionNotice } from './redaction-notice.ts';

/**
 * Shown just above the message box after Ward removed card details, bank details or a National
 * Insurance number from the resident's message. Compact, so the message box stays in view in a
 * small panel. Not a live region: the dialogue's polite region says it once. "Hide this message"
 * returns focus to the message box.
 */
export function RedactionNoticeBanner({
  categories,
  onDismiss,
}: {
  categories: RedactionCategory[];
  onDismiss: () => void;
}) {
  const notice = redactionNotice(categories);
  return (
    <div class="ward-notice" role="region" aria-labelledby="redaction-notice-heading" data-redaction-notice>
      <p class="ward-notice__heading" id="redaction-notice-heading">
        <span class="ward-visually-hidden">{notice.title}: </span>
        {notice.heading}
      </p>
      {notice.advice.map((text) => (
        <p class="ward-notice__text" key={text}>
          {text}
        </p>
      ))}
      <button type="button" class="ward-link-button" onClick={onDismiss}>
        Hide this message
      </button>
    </div>
  );
}
