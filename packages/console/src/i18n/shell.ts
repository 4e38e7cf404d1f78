import type { Catalogue } from './catalogue.ts';
import { useTexts } from './language.tsx';
import { shellCy } from './shell-cy.ts';
import { shellEn, type ShellTexts } from './shell-en.ts';

export const shellTexts: Catalogue<ShellTexts> = { en: shellEn, cy: shellCy };

/** The frame's texts in the console's language. */
export const useShellTexts = () => useTexts(shellTexts);
