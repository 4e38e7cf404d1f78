/**
 * Numbers as people type them: groups of digits joined by spaces or dashes ("4111 1111 1111 1111",
 * "12-34-56", "0114 496 0999"). A run is the longest such chain; the card and bank rules look at
 * its groups. Anything else (a letter, a comma, a slash, a full stop, a line break) ends a run.
 */
export type SeparatorKind = 'space' | 'dash';
export type DigitGroup = { start: number; end: number; digits: string };
export type DigitRun = {
  start: number;
  end: number;
  groups: DigitGroup[];
  /** separators[i] joins groups[i] and groups[i + 1]. */
  separators: SeparatorKind[];
  /** The run follows a "+", as international phone numbers do. */
  afterPlus: boolean;
};

const spaces = new Set([' ', '\u00a0', '\u202f', '\t']);
const dashes = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);

export const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** The separator starting at `index` when a digit follows it: up to two spaces, or a dash with a space either side. */
function separatorAt(text: string, index: number): { length: number; kind: SeparatorKind } | null {
  let end = index;
  while (end < text.length && end - index < 2 && spaces.has(text.charAt(end))) end++;
  const leading = end - index;
  if (dashes.has(text.charAt(end))) {
    end++;
    if (spaces.has(text.charAt(end))) end++;
    return leading <= 1 && isDigit(text[end]) ? { length: end - index, kind: 'dash' } : null;
  }
  return leading > 0 && isDigit(text[end]) ? { length: leading, kind: 'space' } : null;
}

export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isDigit(text[index])) {
      index++;
      continue;
    }
    const groups: DigitGroup[] = [];
    const separators: SeparatorKind[] = [];
    const start = index;
    for (;;) {
      const groupStart = index;
      while (isDigit(text[index])) index++;
      groups.push({ start: groupStart, end: index, digits: text.slice(groupStart, index) });
      const separator = separatorAt(text, index);
      if (!separator) break;
      separators.push(separator.kind);
      index += separator.length;
    }
    runs.push({ start, end: index, groups, separators, afterPlus: text.charAt(start - 1) === '+' });
  }
  return runs;
}

/** Whether groups first..last are joined by one kind of separator (people do not mix them in one number). */
export function sameSeparators(run: DigitRun, first: number, last: number): boolean {
  for (let i = first + 1; i < last; i++) if (run.separators[i] !== run.separators[first]) return false;
  return true;
}
