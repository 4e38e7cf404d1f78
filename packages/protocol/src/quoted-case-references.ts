import { normaliseCaseReference } from './case-reference.ts';

/** A long message cannot make Ward look up more references than this. */
export const maxQuotedReferences = 20;

/**
 * The case references quoted in a piece of text (a chat message, an email's subject or body),
 * normalised, in the order they first appear, without repeats. A reference may be written in
 * any letter case, with a dash, spaces or nothing between its two halves ("4k7m 9p2x",
 * "4K7M-9P2X", "4K7M9P2X"); only shapes whose check symbol is right are returned, so most
 * ordinary words are ruled out. Pure; shared by the server (chats, emails) and the console.
 */
export function findQuotedCaseReferences(text: string): string[] {
  const tokens = [...text.matchAll(/[0-9A-Za-z]+/g)].map((m) => ({
    value: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const found: string[] = [];
  const consider = (candidate: string) => {
    const reference = normaliseCaseReference(candidate);
    if (reference && !found.includes(reference)) found.push(reference);
  };
  for (let i = 0; i < tokens.length && found.length < maxQuotedReferences; i++) {
    const token = tokens[i]!;
    if (token.value.length === 8) consider(token.value);
    const next = tokens[i + 1];
    if (
      token.value.length === 4 &&
      next?.value.length === 4 &&
      /^[\s-]{1,3}$/.test(text.slice(token.end, next.start))
    ) {
      consider(token.value + next.value);
    }
  }
  return found;
}
