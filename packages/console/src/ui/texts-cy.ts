import type { UiTexts } from './texts-en.ts';

/**
 * Y rhannau a rennir gan bob rhan o’r consol, yn Gymraeg (ADR 51). Mae label maes dyddiad yn dod
 * yn gyntaf ("Y dyddiad olaf: rhaid iddo…") fel nad yw’r neges yn dibynnu ar dreigladau.
 */
export const uiCy: UiTexts = {
  dateParts: { day: 'Diwrnod', month: 'Mis', year: 'Blwyddyn' },
  cancel: 'Canslo',
  warning: 'Rhybudd',
  correctionAskedFor: 'Gofynnodd y preswylydd am y cywiriad hwn (cais hawliau)',
  saveCorrection: 'Cadw’r cywiriad',
  secretShownOnce: 'Ni fyddwch yn gallu ei weld eto.',
  selectAndCopy: 'Dewiswch ef a’i gopïo, neu defnyddiwch y botwm.',
  copySecret: (noun) => `Copïo: ${noun}`,
  copied: 'Wedi’i gopïo i’r clipfwrdd.',
  notCopied: (noun) => `Nid oedd modd copïo’n awtomatig (${noun}): dewiswch ef a’i gopïo.`,
  statuses: { waiting: 'Yn aros', active: 'Yn weithredol', ended: 'Wedi dod i ben' },
  languageNames: { en: 'Saesneg', cy: 'Cymraeg' },
  dates: {
    missingParts: { day: 'diwrnod', month: 'mis', year: 'blwyddyn' },
    and: ' a ',
    mustInclude: (label, parts) => `${label}: rhaid iddo gynnwys ${parts}`,
    mustBeReal: (label) => `${label}: rhaid iddo fod yn ddyddiad go iawn`,
    yearFourNumbers: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
  },
};
