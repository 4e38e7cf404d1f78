import type { SignInTexts } from './texts-en.ts';

/** Y dudalen fewngofnodi yn Gymraeg (ADR 51), yn iaith y porwr nes bod y person wedi mewngofnodi. */
export const signInCy: SignInTexts = {
  languageSwitch: 'Iaith',
  title: 'Mewngofnodi',
  heading: 'Mewngofnodi i Ward',
  signedOut: 'Rydych wedi cael eich allgofnodi. Mewngofnodwch eto i barhau.',
  emailAddress: 'Cyfeiriad e-bost',
  password: 'Cyfrinair',
  signIn: 'Mewngofnodi',
  orWithPassword: 'Neu fewngofnodwch â’ch cyfeiriad e-bost a’ch cyfrinair',
  ssoOutcomes: {
    refused: 'Nid yw eich cyfrif cyngor wedi’i sefydlu ar gyfer Ward. Gofynnwch i’ch gweinyddwr.',
    failed: 'Ni lwyddodd mewngofnodi â’ch cyfrif cyngor. Rhowch gynnig arall arni, neu gofynnwch i’ch gweinyddwr.',
    throttled: 'Bu gormod o ymdrechion i fewngofnodi. Arhoswch ychydig funudau, yna rhowch gynnig arall arni.',
  },
  codeTitle: 'Rhowch eich cod',
  codeHeading: 'Rhowch y cod o’ch ap dilysu',
  codeIntro: 'Mae eich cyfrif yn defnyddio mewngofnodi dau gam. Agorwch eich ap dilysu i weld y cod.',
  code: 'Cod',
  codeHint: 'Y cod 6 digid, neu un o’ch codau adfer os nad yw eich ffôn gennych',
  continue: 'Parhau',
  startAgain: 'Dechrau eto',
  lostPhone: 'Wedi colli eich ffôn a’ch codau adfer? Gofynnwch i weinyddwr ailosod eich mewngofnodi dau gam.',
  errors: {
    enterEmail: 'Rhowch eich cyfeiriad e-bost',
    emailFormat: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    enterPassword: 'Rhowch eich cyfrinair',
    enterCode: 'Rhowch y cod o’ch ap dilysu',
  },
};
