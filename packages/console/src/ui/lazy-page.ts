import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when it is first opened (issue 13): the chats, where a signed-in agent starts, come
 * in the first download; every other page is a chunk of its own. app.tsx shows "Loading…" meanwhile.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
