import { languages, type Language } from '@ward/protocol';
import { useSyncExternalStore } from 'react';

/**
 * The console's language before sign-in (ADR 51): nobody is known yet, so it is this browser's.
 * What was chosen on the sign-in page (kept in the browser), else Welsh when the browser asks
 * for Welsh first, else English. Once signed in, the member of staff's own choice wins.
 */
const storageKey = 'ward.console.language';

/** Pure: a stored choice first, then the browser's languages in order of preference. */
export function preSignInLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (stored === 'cy' || stored === 'en') return stored;
  const first = browserLanguages[0]?.toLowerCase() ?? '';
  return first === 'cy' || first.startsWith('cy-') ? 'cy' : 'en';
}

const listeners = new Set<() => void>();

function stored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    // Storage can be refused (private windows, settings): the browser's languages still count.
    return null;
  }
}

function current(): Language {
  return preSignInLanguage(stored(), navigator.languages ?? [navigator.language]);
}

export function chooseBrowserLanguage(language: Language) {
  if (!languages.includes(language)) return;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not kept: the choice still holds until the page is reloaded.
  }
  chosenHere = language;
  for (const listener of listeners) listener();
}

/** The choice of this page load, kept even when the browser refuses storage. */
let chosenHere: Language | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useBrowserLanguage(): Language {
  return useSyncExternalStore(subscribe, () => chosenHere ?? current());
}
