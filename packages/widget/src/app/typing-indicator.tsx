import { useEffect, useRef, useState } from 'preact/hooks';
import { typingAnnouncement, typingText } from './format.ts';

const announceEveryMs = 10_000;

/**
 * "Sam is typing…": always shown on screen while it lasts, but told to screen readers at most
 * once every 10 seconds so it does not talk over the conversation.
 */
export function TypingIndicator({ typing }: { typing: string | null | false }) {
  const [announced, setAnnounced] = useState('');
  const lastAnnouncedAt = useRef(Number.NEGATIVE_INFINITY);
  const text = typing === false ? '' : typingText(typing);
  const spoken = typing === false ? '' : typingAnnouncement(typing);

  useEffect(() => {
    if (text === '') {
      setAnnounced('');
      return;
    }
    const now = Date.now();
    if (now - lastAnnouncedAt.current >= announceEveryMs) {
      lastAnnouncedAt.current = now;
      setAnnounced(spoken);
    }
  }, [text, spoken]);

  return (
    <div class="ward-typing">
      <p class="ward-typing__text" aria-hidden="true">
        {text}
      </p>
      <div class="ward-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </div>
  );
}
