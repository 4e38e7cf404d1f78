import type { InvitationsTexts } from './texts-en.ts';
import { wordsCy } from '../../i18n/words-cy.ts';

/** Derbyn gwahoddiad yn Gymraeg (ADR 51), yn yr arddull ffurfiol a ddefnyddir gan gynghorau. */
export const invitationsCy: InvitationsTexts = {
  expiredTitle: 'Mae’r ddolen wahoddiad hon wedi dod i ben neu wedi’i defnyddio eisoes',
  problemTitle: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth',
  title: 'Creu eich cyfrif',
  checking: 'Yn gwirio eich gwahoddiad…',
  askAgain: 'Gofynnwch i weinyddwr eich gwahodd eto. Os oes gennych gyfrif eisoes, mewngofnodwch yn lle hynny.',
  invited: (date) => `Rydych wedi cael gwahoddiad i ddefnyddio Ward. Daw’r gwahoddiad hwn i ben ar ${date}.`,
  emailAddress: 'Cyfeiriad e-bost',
  role: 'Rôl',
  roles: wordsCy.roles,
  emailHint: 'Byddwch yn defnyddio hwn i fewngofnodi',
  firstName: 'Enw cyntaf',
  lastName: 'Cyfenw',
  password: 'Cyfrinair',
  passwordHint: (min) =>
    `Rhaid iddo fod yn ${min} nod neu fwy. Mae ychydig o eiriau digyswllt yn gwneud cyfrinair cryf sy’n hawdd ei gofio.`,
  confirmPassword: 'Cadarnhau’r cyfrinair',
  createAccount: 'Creu’r cyfrif',
  errors: {
    enterEmail: 'Rhowch eich cyfeiriad e-bost',
    emailFormat: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@council.gov.uk',
    enterFirstName: 'Rhowch eich enw cyntaf',
    firstNameTooLong: 'Rhaid i’r enw cyntaf fod yn 100 nod neu lai',
    enterLastName: 'Rhowch eich cyfenw',
    lastNameTooLong: 'Rhaid i’r cyfenw fod yn 100 nod neu lai',
    enterPassword: 'Rhowch gyfrinair',
    passwordTooShort: (min) => `Rhaid i’r cyfrinair fod yn ${min} nod neu fwy`,
    passwordTooLong: 'Rhaid i’r cyfrinair fod yn 1024 nod neu lai',
    enterAgain: 'Rhowch eich cyfrinair eto',
    mustMatch: 'Rhaid i’r cyfrineiriau gyfateb',
  },
};
