import type { Words } from './words-en.ts';

/** Geiriau y mae sawl rhan o’r consol yn eu defnyddio, yn Gymraeg (ADR 51). */
export const wordsCy: Words = {
  channels: {
    chat: 'Sgwrs ar y we',
    email: 'E-bost',
    form: 'Ffurflen ar-lein',
    phone: 'Ffôn',
    'face-to-face': 'Wyneb yn wyneb',
    'social-media': 'Cyfryngau cymdeithasol',
  },
  caseStatuses: {
    open: 'Ar agor',
    'awaiting-resident': 'Yn aros am y preswylydd',
    'awaiting-council': 'Yn aros am y cyngor',
    closed: 'Wedi cau',
  },
  lawfulBases: {
    'public-task': 'Tasg gyhoeddus',
    'legitimate-interests': 'Buddiannau dilys',
    consent: 'Caniatâd',
    'legal-obligation': 'Rhwymedigaeth gyfreithiol',
    contract: 'Cytundeb',
    'vital-interests': 'Buddiannau hanfodol',
  },
  roles: {
    agent: 'Cynghorydd',
    supervisor: 'Goruchwyliwr',
    privacy_officer: 'Swyddog preifatrwydd',
    admin: 'Gweinyddwr',
  },
};
