import type { LaterMessages } from './messages-later-en.ts';

/** The Welsh of messages-later-en.ts: fetched with later.ts when Welsh is shown (ADR 49). */
/** After a number Welsh keeps the noun singular ("1 nod"), or uses "o" and the plural ("120 o nodau"). */
const characters = (n: string) => (n === '1' ? '1 nod' : `${n} o nodau`);

export const laterCy: LaterMessages = {
  emailMissing: 'Rhowch gyfeiriad e-bost',
  ratingMissing: 'Dewiswch sut byddech chi’n graddio’r sgwrs hon',
  commentTooLong: (max: string) => `Rhaid i’r sylwadau fod yn ${characters(max)} neu lai`,
  chooseOption: 'Dewiswch opsiwn',
  day: 'Diwrnod',
  month: 'Mis',
  year: 'Blwyddyn',
  yes: 'Ie',
  endQuestion: 'Ydych chi’n siŵr eich bod am ddod â’r sgwrs hon i ben?',
  endYes: 'Ydw, dod â’r sgwrs i ben',
  endNo: 'Na, parhau i sgwrsio',
  referenceIs: 'Cyfeirnod eich achos yw',
  keepReference: '. Cadwch nodyn ohono rhag ofn y bydd angen i chi gysylltu â ni am yr ymholiad hwn eto.',
  getTranscript: 'Cael trawsgrifiad',
  transcriptSentTo: (email: string) => `Byddwn yn anfon trawsgrifiad o’r sgwrs hon i ${email}.`,
  emailAddress: 'Cyfeiriad e-bost',
  transcriptHint: 'Byddwn yn anfon copi o’r sgwrs hon i’r cyfeiriad hwn.',
  emailTranscript: 'Anfon trawsgrifiad ataf drwy e-bost',
  stayInTouch: 'Cadw mewn cysylltiad',
  choicesSaved: 'Mae eich dewisiadau wedi’u cadw.',
  optInsLegend: 'Am beth yr hoffech glywed? (dewisol)',
  selectAll: 'Dewiswch bob un sy’n berthnasol.',
  saveChoices: 'Cadw fy newisiadau',
  surveyHeading: 'Dywedwch wrthym beth yw eich barn',
  rateLegend: 'Sut byddech chi’n graddio’r sgwrs hon?',
  ratings: ['Gwael iawn', 'Gwael', 'Ddim yn dda nac yn wael', 'Da', 'Da iawn'],
  commentsOptional: 'Sylwadau (dewisol)',
  commentHint: 'Peidiwch â chynnwys gwybodaeth bersonol nac ariannol.',
  sendFeedback: 'Anfon adborth',
  yourReference: 'Cyfeirnod eich achos',
  keepReferenceNote:
    'Cadwch nodyn o gyfeirnod eich achos rhag ofn y bydd angen i chi gysylltu â ni am yr ymholiad hwn eto.',
  phoneFormat: 'Rhowch rif ffôn, fel 01632 960 001, 07700 900 982 neu +44 808 157 0192',
  postcodeFormat: 'Rhowch god post go iawn',
  caseReferenceFormat: 'Rhowch gyfeirnod achos yn y fformat cywir, fel 4K7M-9P2X',
  dateTexts: {
    mustInclude: 'Rhaid i “{label}” gynnwys {parts}',
    day: 'diwrnod',
    month: 'mis',
    year: 'blwyddyn',
    and: '{first} a {second}',
    realDate: 'Rhaid i “{label}” fod yn ddyddiad go iawn',
    yearFourNumbers: 'Rhaid i’r flwyddyn gynnwys 4 rhif',
    past: 'Rhaid i “{label}” fod heddiw neu yn y gorffennol',
    future: 'Rhaid i “{label}” fod heddiw neu yn y dyfodol',
  },
};
