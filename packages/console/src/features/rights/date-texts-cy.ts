import type { DateTexts } from './date-texts-en.ts';

/** "y dyddiad gorffen" after "i" is "i’r dyddiad gorffen". */
const toThe = (label: string) => (label.startsWith('y ') ? `i’r ${label.slice(2)}` : `i ${label}`);

/** Gwallau dyddiadau’r tudalennau preifatrwydd yn Gymraeg (ADR 51); `label` yw enw’r dyddiad. */
export const dateTextsCy: DateTexts = {
  parts: { day: 'diwrnod', month: 'mis', year: 'blwyddyn' },
  and: ' a ',
  mustInclude: (label, parts) => `Rhaid ${toThe(label)} gynnwys ${parts}`,
  realDate: (label) => `Rhaid ${toThe(label)} fod yn ddyddiad go iawn`,
  yearFourNumbers: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
  todayOrPast: (label) => `Rhaid ${toThe(label)} fod heddiw neu yn y gorffennol`,
  todayOrFuture: (label) => `Rhaid ${toThe(label)} fod heddiw neu yn y dyfodol`,
};
