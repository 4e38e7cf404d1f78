import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

type Announce = (text: string) => void;

const AnnouncerContext = createContext<Announce>(() => {});

/** Posts a message to the page's polite live region. */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

interface Announcement {
  id: number;
  text: string;
}

/**
 * One polite live region for the whole console, present from the first render so that screen
 * readers pick up what is added to it. Each announcement is its own paragraph, removed later.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Announcement[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const announce = useCallback((text: string) => {
    const id = nextId.current++;
    setItems((list) => [...list.slice(-4), { id, text }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setItems((list) => list.filter((item) => item.id !== id));
    }, 20_000);
    timers.current.add(timer);
  }, []);

  return (
    <AnnouncerContext value={announce}>
      {children}
      <div id="ward-announcements" className="govuk-visually-hidden" aria-live="polite" aria-relevant="additions">
        {items.map((item) => (
          <p key={item.id}>{item.text}</p>
        ))}
      </div>
    </AnnouncerContext>
  );
}
