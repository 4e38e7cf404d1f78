import type { Language } from '@ward/protocol';
import { en } from './en.ts';
import { cy } from './cy.ts';

/**
 * The resident-facing texts of Ward's own pages and emails, one catalogue per language (ADR 50).
 * The type makes the Welsh catalogue hold every English key; a unit test checks none is empty and
 * that both fill the same `{placeholders}`.
 */
type Catalogue<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
export type ResidentTexts = Catalogue<typeof en>;

const catalogues: Record<Language, ResidentTexts> = { en, cy };

export function textsIn(language: Language): ResidentTexts {
  return catalogues[language];
}

/** A text's placeholders filled: `fill('Enter {name}', { name: 'your name' })`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A text split around its placeholders, for values that are markup (a link inside a sentence). */
export function fillParts<T>(template: string, values: Record<string, T>): Array<string | T> {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && name in values ? values[name]! : part;
    });
}

/** "5 minutes" / "5 munud": how long to wait, in the resident's language. */
export function waitIn(seconds: number, language: Language): string {
  const wait = textsIn(language).wait;
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? wait.second : fill(wait.seconds, { count: s });
  if (s < 2 * 3600) {
    const minutes = Math.ceil(s / 60);
    return minutes === 1 ? wait.minute : fill(wait.minutes, { count: minutes });
  }
  const hours = Math.ceil(s / 3600);
  return hours === 1 ? wait.hour : fill(wait.hours, { count: hours });
}

/** The locale dates and times are written in. */
export const localeOf = (language: Language) => (language === 'cy' ? 'cy-GB' : 'en-GB');
