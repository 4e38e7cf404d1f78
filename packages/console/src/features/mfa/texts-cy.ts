import type { MfaTexts } from './texts-en.ts';

/** Mewngofnodi dau gam yn Gymraeg (ADR 51), yn yr arddull ffurfiol a ddefnyddir gan gynghorau. */
export const mfaCy: MfaTexts = {
  title: 'Mewngofnodi dau gam',
  codeMissing: 'Rhowch y cod 6 digid o’ch ap dilysu',
  turnedOff: 'Mae mewngofnodi dau gam wedi’i ddiffodd',
  // ---- heb ei osod ----
  mustSetUp: 'Rhaid i chi osod mewngofnodi dau gam cyn y gallwch ddefnyddio Ward.',
  isOff: 'Mae mewngofnodi dau gam wedi’i ddiffodd ar gyfer eich cyfrif.',
  explained:
    'Gyda mewngofnodi dau gam, rydych yn mewngofnodi gyda’ch cyfrinair a chod o ap dilysu ar eich ffôn (fel Microsoft Authenticator neu Google Authenticator). Ni all rhywun sy’n dysgu eich cyfrinair fewngofnodi o hyd.',
  setUp: 'Gosod mewngofnodi dau gam',
  // ---- ei osod ----
  addToApp: '1. Ychwanegu Ward at eich ap dilysu',
  scan: 'Sganiwch y cod QR hwn gyda’ch ap dilysu.',
  qrCodeAlt: 'Cod QR ar gyfer eich ap dilysu',
  typeKey: 'Os na allwch ei sganio, teipiwch yr allwedd hon yn yr ap yn lle hynny:',
  enterCodeHeading: '2. Rhoi’r cod y mae’r ap yn ei ddangos',
  codeLabel: 'Cod o’ch ap dilysu',
  codeHint: 'Er enghraifft, 123456',
  turnOn: 'Troi mewngofnodi dau gam ymlaen',
  cancel: 'Canslo',
  // ---- codau adfer ----
  newCodesHeading: 'Mae gennych godau adfer newydd',
  isOn: 'Mae mewngofnodi dau gam ymlaen',
  oldCodesStopped: 'Nid yw eich hen godau adfer yn gweithio mwyach. ',
  othersSignedOut: 'Mae eich sesiynau eraill wedi cael eu hallgofnodi.',
  yourCodes: 'Eich codau adfer',
  codesExplained:
    'Os byddwch yn colli eich ffôn, mewngofnodwch gydag un o’r codau hyn yn lle cod o’r ap. Mae pob cod yn gweithio unwaith.',
  storeCodes: 'Cadwch y codau hyn yn rhywle diogel nawr, fel rheolwr cyfrineiriau. Ni fyddwch yn eu gweld eto.',
  recoveryCodes: 'Codau adfer',
  stored: 'Rwyf wedi cadw fy nghodau adfer',
  // ---- wedi’i osod ----
  on: 'Ymlaen',
  onRequired: 'Ymlaen (yn ofynnol ar gyfer eich rôl)',
  codesLeft: 'Codau adfer ar ôl',
  getNewCodes: 'Cael codau adfer newydd',
  oldCodesStop: 'Bydd eich hen godau adfer yn peidio â gweithio.',
  turnOff: 'Diffodd mewngofnodi dau gam',
  passwordOnly: 'Byddwch yn mewngofnodi gyda’ch cyfrinair yn unig.',
};
