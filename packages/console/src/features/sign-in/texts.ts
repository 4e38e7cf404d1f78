import type { Catalogue } from '../../i18n/catalogue.ts';
import { useTexts } from '../../i18n/language.tsx';
import { signInCy } from './texts-cy.ts';
import { signInEn, type SignInTexts } from './texts-en.ts';

export const signInTexts: Catalogue<SignInTexts> = { en: signInEn, cy: signInCy };

export const useSignInTexts = () => useTexts(signInTexts);
