import type { AccountTexts } from './texts-en.ts';
import { wordsCy } from '../../i18n/words-cy.ts';

/** Tudalen y cyfrif yn Gymraeg (ADR 51). */
export const accountCy: AccountTexts = {
  title: 'Eich cyfrif',
  name: 'Enw',
  emailAddress: 'Cyfeiriad e-bost',
  role: 'Rôl',
  roles: wordsCy.roles,
  languageHeading: 'Iaith',
  languageLegend: 'Iaith eich consol',
  languageHint: 'Dim ond chi sy’n gweld y consol yn yr iaith hon. Mae preswylwyr yn dewis eu hiaith eu hunain.',
  saveLanguage: 'Cadw’r iaith',
  languageSaved: 'Mae eich consol yn Gymraeg bellach.',
  twoStepHeading: 'Mewngofnodi dau gam',
  twoStepLink: 'Sefydlu neu newid mewngofnodi dau gam',
  twoStepExplained: '(cod o ap ar eich ffôn yn ogystal â’ch cyfrinair).',
  passwordHeading: 'Newid eich cyfrinair',
  currentPassword: 'Cyfrinair presennol',
  newPassword: 'Cyfrinair newydd',
  newPasswordHint: (min: number) =>
    `Rhaid iddo fod yn ${min} nod neu fwy. Byddwch yn cael eich allgofnodi ym mhobman arall.`,
  confirmPassword: 'Cadarnhau’r cyfrinair newydd',
  changePassword: 'Newid y cyfrinair',
  passwordChanged:
    'Mae’r cyfrinair wedi’i newid. Rydych wedi mewngofnodi yma o hyd, ac wedi’ch allgofnodi ar bob dyfais a phorwr arall.',
  errors: {
    enterCurrent: 'Rhowch eich cyfrinair presennol',
    enterNew: 'Rhowch gyfrinair newydd',
    tooShort: (min: number) => `Rhaid i’ch cyfrinair newydd fod yn ${min} nod neu fwy`,
    tooLong: 'Rhaid i’ch cyfrinair newydd fod yn 1024 nod neu lai',
    sameAsCurrent: 'Rhaid i’ch cyfrinair newydd fod yn wahanol i’r un presennol',
    enterAgain: 'Rhowch eich cyfrinair newydd eto',
    mustMatch: 'Rhaid i’r cyfrineiriau fod yr un fath',
  },
};
