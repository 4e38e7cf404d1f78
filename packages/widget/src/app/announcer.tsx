import { useCallback, useRef, useState } from 'preact/hooks';

interface Announcement {
  id: number;
  text: string;
}

/**
 * One polite live region for the conversation ("Sam says: …"). Each announcement is added as a
 * new node, so screen readers read only what is new; the last few are kept.
 */
export function useAnnouncer() {
  const [announcements, setAnnouncements] = useState<Announcement[]>([]);
  const nextId = useRef(1);
  const announce = useCallback((text: string) => {
    const id = nextId.current++;
    setAnnouncements((current) => [...current.slice(-2), { id, text }]);
  }, []);
  const region = (
    <div class="ward-visually-hidden" aria-live="polite" aria-relevant="additions">
      {announcements.map((announcement) => (
        <p key={announcement.id}>{announcement.text}</p>
      ))}
    </div>
  );
  return { announce, region };
}
