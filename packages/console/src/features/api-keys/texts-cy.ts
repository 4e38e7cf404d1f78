import type { ApiKeysTexts } from './texts-en.ts';

/** Allweddi API yn Gymraeg (ADR 51). Mae’r llwybrau API ym mhob awgrym yn aros fel y maent. */
export const apiKeysCy: ApiKeysTexts = {
  title: 'Allweddi API',
  explained:
    'Mae systemau eraill y cyngor yn defnyddio allwedd API i anfon cysylltiadau i Ward, er enghraifft ceisiadau a ddaeth i law ar y cyfryngau cymdeithasol. Rhowch ei allwedd ei hun i bob system, a dirymwch allwedd cyn gynted ag na fydd ei hangen mwyach.',
  keys: 'Allweddi',
  loading: 'Yn llwytho allweddi API…',
  revokedAnnouncement: (name) => `Mae’r allwedd “${name}” wedi’i dirymu`,
  noneYet: 'Nid oes allweddi API eto.',
  name: 'Enw',
  can: 'Yn gallu',
  startsWith: 'Yn dechrau gyda',
  created: 'Crëwyd',
  lastUsed: 'Defnyddiwyd ddiwethaf',
  notYet: 'Ddim eto',
  status: 'Statws',
  revokedOn: (date) => `Dirymwyd ${date}`,
  expiredOn: (date) => `Daeth i ben ${date}`,
  active: 'Yn weithredol',
  until: (date) => `Tan ${date}`,
  untilRevoked: 'Tan y caiff ei dirymu',
  actions: 'Camau gweithredu',
  revoke: 'Dirymu',
  theKey: (name) => `’r allwedd “${name}”`,
  confirmRevoke: (name) => `Ydych chi’n siŵr eich bod am ddirymu’r allwedd “${name}”?`,
  yesRevoke: 'Ydw, dirymu’r allwedd',
  revokeExplained:
    'Ni all y system sy’n ei defnyddio alw Ward mwyach. Ni ellir dadwneud hyn: i’w gadael yn ôl i mewn, crëwch allwedd newydd.',
  caption: (count) => `Allweddi API (${count}), y mwyaf diweddar yn gyntaf`,
  regionLabel: 'Allweddi API',
  // ---- creu un ----
  createHeading: 'Creu allwedd API',
  nameHint: 'Dywedwch pa system fydd yn ei defnyddio, er enghraifft “Mewnflwch y cyfryngau cymdeithasol”.',
  whatMayItDo: 'Beth gaiff yr allwedd ei wneud?',
  selectAll: 'Dewiswch bob un sy’n berthnasol.',
  howLong: 'Am ba hyd y dylai’r allwedd weithio?',
  howLongHint:
    'Pan ddaw i ben, caiff y system sy’n ei defnyddio ei gwrthod nes i chi greu allwedd newydd ar ei chyfer.',
  create: 'Creu’r allwedd API',
  // ---- y tocyn newydd ----
  createdHeading: (name) => `Mae’r allwedd API “${name}” wedi’i chreu`,
  copyNow: 'Copïwch yr allwedd nawr a’i rhoi i’r system a fydd yn ei defnyddio.',
  theApiKey: 'Yr allwedd API',
  noun: 'allwedd API',
  scopes: {
    intake: {
      label: 'Derbyn',
      hint: 'Trosglwyddo ceisiadau a ddaeth i law ar y cyfryngau cymdeithasol i Ward (POST /api/intake/social-media).',
    },
    'cases:read': {
      label: 'Darllen statws achos',
      hint: 'Darllen ble mae achos yn sefyll yn ôl ei gyfeirnod, heb ddata personol (GET /api/integrations/cases/:reference).',
    },
    reports: {
      label: 'Darllen adroddiadau',
      hint: 'Darllen ffigurau a thablau’r adroddiadau, heb ddata personol (GET /api/reports/…).',
    },
  },
  lifetimes: {
    '30': '30 diwrnod',
    '90': '90 diwrnod',
    '365': '1 flwyddyn',
    never: 'Tan y caiff ei dirymu',
  },
  errors: {
    enterName: 'Rhowch enw ar gyfer yr allwedd',
    nameTooLong: 'Rhaid i’r enw fod yn 100 nod neu lai',
    selectScope: 'Dewiswch beth gaiff yr allwedd ei wneud',
  },
};
