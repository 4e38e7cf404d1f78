import type { ShellTexts } from './shell-en.ts';

/**
 * Ffrâm y consol yn Gymraeg (ADR 51), yn yr arddull ffurfiol a ddefnyddir gan gynghorau ar gyfer
 * meddalwedd staff. Dylai swyddog iaith Gymraeg y cyngor eu hadolygu cyn eu defnyddio'n fyw.
 */
export const shellCy: ShellTexts = {
  skipLink: 'Neidio i’r prif gynnwys',
  serviceName: 'Consol staff',
  accountLink: 'Eich cyfrif: wedi mewngofnodi fel ',
  twoStepSignIn: 'Mewngofnodi dau gam',
  signOut: 'Allgofnodi',
  notSignedOut: 'Nid ydych wedi cael eich allgofnodi',
  primaryNavigation: 'Prif lywio',
  unread: ' heb eu darllen',
  navigation: {
    chats: 'Sgwrsio',
    conversations: 'Sgyrsiau',
    residents: 'Preswylwyr',
    cases: 'Achosion',
    yourFigures: 'Eich ffigurau',
    reports: 'Adroddiadau',
    wallboard: 'Bwrdd wal',
    liveView: 'Golwg fyw',
    staff: 'Staff',
    openingHours: 'Oriau agor',
    outbox: 'Blwch anfon',
    requests: 'Ceisiadau',
    retention: 'Cadw gwybodaeth',
    auditTrail: 'Trywydd archwilio',
    consents: 'Caniatâd',
    disclosures: 'Datgeliadau',
    recordOfProcessing: 'Cofnod prosesu',
    apiKeys: 'Allweddi API',
    webhooks: 'Bachau gwe',
  },
  loadingPage: 'Yn llwytho’r dudalen…',
  checkingSignIn: 'Yn gwirio eich bod wedi mewngofnodi…',
  loading: 'Yn llwytho…',
  titleSuffix: ' – Ward',
  errorTitlePrefix: 'Gwall: ',
  errorPrefix: 'Gwall:',
  thereIsAProblem: 'Mae problem',
  success: 'Llwyddiant',
  important: 'Pwysig',
  notFoundTitle: 'Heb ddod o hyd i’r dudalen',
  notFoundAdvice: 'Os gwnaethoch deipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir.',
  goToChats: 'Mynd i sgwrsio',
  forbiddenTitle: 'Ni allwch weld y dudalen hon',
  forbiddenAdvice:
    'Nid yw eich rôl yn rhoi mynediad i chi i’r dudalen hon. Gofynnwch i weinyddwr os oes ei hangen arnoch.',
  serviceProblemTitle: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth',
  tryAgain: 'Rhoi cynnig arall arni',
};
