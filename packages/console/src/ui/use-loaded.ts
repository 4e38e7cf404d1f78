import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/errors.ts';

/** Something a page reads from Ward: still loading, there, or a message saying why not. */
export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/**
 * Reads `load()` when the page opens and again whenever `key` changes or `reload()` is called; an
 * answer that arrives after the page has moved on (or gone) is dropped. A reload keeps the last
 * answer on screen until the new one arrives; a new `key` (other filters, another page of results)
 * shows "loading" at once, so nothing stale is read as the answer. `update` changes the data in
 * place after an action whose result the page already has.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string | number = '') {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  // The latest `load` without making it a dependency: callers pass a new arrow on every render.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const shownKey = useRef(key);

  useEffect(() => {
    let cancelled = false;
    if (shownKey.current !== key) {
      shownKey.current = key;
      setLoaded({ status: 'loading' });
    }
    latestLoad.current().then(
      (data) => !cancelled && setLoaded({ status: 'ready', data }),
      (error: unknown) => !cancelled && setLoaded({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setLoaded((current) => (current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current)),
    [],
  );
  return { loaded, reload, update };
}
