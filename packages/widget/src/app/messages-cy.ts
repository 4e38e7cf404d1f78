import type { Messages } from './messages-en.ts';

/**
 * The widget's texts in Welsh (issue 13), in plain Welsh as a council publishes it. Built as its own
 * chunk and fetched only when Welsh is chosen, so a resident chatting in English never downloads it.
 * A council's Welsh language officer should review these before going live.
 */
/** After a number Welsh keeps the noun singular ("1 nod"), or uses "o" and the plural ("120 o nodau"). */
const characters = (n: string) => (n === '1' ? '1 nod' : `${n} o nodau`);
const sorry = 'Mae’n ddrwg gennym, ';
const endedOrExpired = 'Mae’r sgwrs hon wedi dod i ben. Dechreuwch sgwrs newydd os oes angen help arnoch o hyd.';
const serviceProblem = `${sorry}mae problem gyda’r gwasanaeth. Rhowch gynnig arall arni yn nes ymlaen.`;
/** As the protocol's `inactivityWarningStarts.cy` (a test holds them together): this chunk imports nothing. */
const warningStart = 'Bydd y sgwrs hon yn cau am';

export const cy: Messages = {
  locale: 'cy-GB',
  // ---- the app's steps ----
  titleLoading: 'Yn llwytho',
  titleError: `${sorry}mae problem`,
  titlePreChat: 'Dechrau sgwrs',
  titleDialogue: 'Sgwrs',
  titlePostChat: 'Mae eich sgwrs wedi dod i ben',
  titleConfirmation: 'Diolch am eich adborth',
  errorTitlePrefix: 'Gwall: ',
  loading: 'Yn llwytho…',
  exiting: 'Yn llwytho.',
  webChat: 'Sgwrs ar y we',
  languageSwitcher: 'Iaith',
  close: 'Cau',
  closeHidden: ' ffenestr y sgwrs',
  headerReference: 'Cyfeirnod eich achos:',
  notSetUp: 'Nid yw’r sgwrs hon wedi’i gosod yn gywir.',
  tryAgainOrContact: 'Gallwch roi cynnig arall arni, neu gysylltu â’r cyngor mewn ffordd arall.',
  tryAgain: 'Rhoi cynnig arall arni',
  consentRecorded: 'Diolch. Mae eich caniatâd wedi’i gofnodi.',
  opensInNewTab: ' (yn agor mewn tab newydd)',
  // ---- Gadael y dudalen hon ----
  exitEmergency: 'Argyfwng',
  exitThisPage: 'Gadael y dudalen hon',
  // ---- pre-chat form ----
  preChatIntro: 'Dywedwch ychydig wrthym am eich ymholiad a bydd cynghorydd gyda chi cyn gynted ag y bo modd.',
  quickExitHint: 'I adael y dudalen hon yn gyflym, dewiswch Gadael y dudalen hon neu pwyswch y fysell Shift 3 gwaith.',
  name: 'Enw',
  emailOptional: 'Cyfeiriad e-bost (dewisol)',
  emailHint: 'Byddwn ond yn defnyddio hwn i anfon trawsgrifiad atoch os byddwch yn gofyn am un',
  topicLegend: 'Am beth mae eich ymholiad?',
  howWeUse: 'Sut rydym yn defnyddio eich gwybodaeth',
  consentPreChat: 'Rwyf wedi darllen sut y bydd fy ngwybodaeth yn cael ei defnyddio',
  startChat: 'Dechrau sgwrs',
  accessibilityStatement: 'Datganiad hygyrchedd (yn agor mewn tab newydd)',
  leaveMessageAbout: (topic: string) => `Gadael neges am ${topic} yn lle hynny (yn agor mewn tab newydd)`,
  notFreeNow:
    'Nid oes cynghorwyr ar gael i ateb hyn ar hyn o bryd. Gallwch ddechrau sgwrs ac aros o hyd, neu adael neges',
  noneAvailable: 'Nid oes cynghorwyr ar gael ar gyfer hyn ar hyn o bryd',
  today: 'heddiw',
  backAt: (day: string, time: string) => `Nid oes cynghorwyr ar gael nawr. Byddant yn ôl ${day} am ${time}`,
  // ---- checking the forms ----
  thereIsAProblem: 'Mae problem',
  error: 'Gwall:',
  nameMissing: 'Rhowch eich enw',
  nameTooLong: (max: string) => `Rhaid i’r enw fod yn ${characters(max)} neu lai`,
  emailFormat: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
  emailTooLong: 'Rhaid i’r cyfeiriad e-bost fod yn 254 o nodau neu lai',
  topicMissing: 'Dewiswch am beth mae eich ymholiad',
  topicTooLong: (max: string) => `Rhaid i’r pwnc fod yn ${characters(max)} neu lai`,
  consentMissing: 'Cadarnhewch eich bod wedi darllen sut rydym yn defnyddio eich gwybodaeth',
  messageMissing: 'Rhowch neges',
  messageEmpty: 'Ni all neges fod yn wag',
  messageTooLong: (max: string) => `Gall neges fod yn ${characters(max)} ar y mwyaf`,
  // The council's own questions (as the server's Welsh field messages):
  optional: '(dewisol)',
  answerMissing: (label: string) => `Rhowch ateb i “${label}”`,
  answerNotChosen: (label: string) => `Dewiswch ateb i “${label}”`,
  answerTooLong: (label: string, max: string) => `Rhaid i’r ateb i “${label}” fod yn ${max} nod neu lai`,
  answerNotAnOption: (label: string) => `Dewiswch un o’r atebion i “${label}”`,
  answerUnknown: 'Atebwch y cwestiynau y mae’r ffurflen yn eu gofyn yn unig',
  // ---- the chat ----
  connecting: 'Yn cysylltu…',
  reconnecting: 'Yn ailgysylltu… Bydd eich negeseuon yn cael eu hanfon pan fyddwch ar-lein eto.',
  noLongerAvailable: 'Nid yw’r sgwrs hon ar gael mwyach',
  couldNotReconnect: 'Nid oeddem yn gallu eich ailgysylltu â’r sgwrs hon. Efallai ei bod wedi dod i ben.',
  startNewWithReference:
    'Os oes angen help arnoch o hyd, dechreuwch sgwrs newydd a rhowch gyfeirnod eich achos i’r cynghorydd.',
  startNewChat: 'Dechrau sgwrs newydd',
  waiting: 'Yn aros am gynghorydd…',
  chattingWith: (name: string | null) => `Rydych yn sgwrsio gyda ${name ?? 'chynghorydd'}`,
  adviserSoon: 'Bydd cynghorydd yn ymuno cyn bo hir.',
  youCanType: 'Gallwch deipio nawr.',
  leaveMessageInstead: 'Gadael neges yn lle hynny',
  queuePlace: (position: string) => `Rydych yn rhif ${position} yn y ciw.`,
  usualWait: (minutes: number) =>
    `Fel arfer, mae’n cymryd ${minutes >= 60 ? 'awr neu fwy' : `tua ${minutes} munud`} i gynghorydd ateb.`,
  closesAt: (time: string) => `${warningStart} ${time} oni bai eich bod yn dewis aros.`,
  stay: 'Aros yn y sgwrs hon',
  messagesLabel: 'Negeseuon',
  noMessages: 'Dim negeseuon eto.',
  you: 'Chi',
  adviser: 'Cynghorydd',
  update: 'Diweddariad',
  sending: 'Yn anfon…',
  at: 'am ',
  delivered: 'Wedi’i hanfon',
  says: (name: string | null, body: string) => `Neges gan ${name ?? 'y cynghorydd'}: ${body}`,
  typing: (name: string | null) => (name ? `Mae ${name} yn teipio…` : 'Mae’r cynghorydd yn teipio…'),
  typingSpoken: (name: string | null) => (name ? `Mae ${name} yn teipio neges` : 'Mae’r cynghorydd yn teipio neges'),
  typeMessage: 'Teipiwch eich neges',
  composerHint: (max: string) =>
    `Pwyswch Enter i anfon. Pwyswch Shift ac Enter am linell newydd. Gallwch roi hyd at ${characters(max)}.`,
  send: 'Anfon',
  charactersLeft: (n: string) => `Mae gennych ${characters(n)} ar ôl`,
  charactersOver: (n: string) => `Mae gennych ${characters(n)} yn ormod`,
  endChat: 'Dod â’r sgwrs i ben',
  endNotConnected: `${sorry}nid oeddem yn gallu dod â’r sgwrs i ben gan nad ydych wedi cysylltu. Rhowch gynnig arall arni.`,
  endFailed: `${sorry}mae problem. Rhowch gynnig arall arni.`,
  consentHeading: 'Mae eich cynghorydd yn gofyn am eich caniatâd',
  consentNotTicked: 'Dewiswch y blwch i roi eich caniatâd, neu parhewch i sgwrsio hebddo',
  yourConsent: 'Eich caniatâd',
  consentDialogue: 'Rwy’n cytuno i chi ddefnyddio fy ngwybodaeth fel hyn',
  giveConsent: 'Rhoi caniatâd',
  // ---- what Ward removed from a message ----
  important: 'Pwysig',
  cardDetails: 'manylion eich cerdyn',
  bankDetails: 'manylion eich cyfrif banc',
  nationalInsuranceNumber: 'eich rhif Yswiriant Gwladol',
  // "a" + "eich" is "a’ch".
  list: (items: string[]) =>
    items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} ${(items.at(-1) ?? '').replace(/^eich /, 'a’ch ').replace(/^(?!a’ch )/, 'a ')}`,
  removedFrom: (removed: string, one: boolean) =>
    `Rydym wedi tynnu ${removed} o’r neges honno i’w ${one ? 'gadw' : 'cadw'}’n ddiogel.`,
  removed: (removed: string) => `Rydym wedi tynnu ${removed}.`,
  adviceCard:
    'Peidiwch byth â rhannu manylion cerdyn neu fanc mewn sgwrs. I wneud taliad, defnyddiwch dudalen taliadau ar-lein y cyngor neu ffoniwch y llinell daliadau.',
  adviceNationalInsurance:
    'Peidiwch â rhannu eich rhif Yswiriant Gwladol mewn sgwrs. Os oes angen y rhif ar y cynghorydd, bydd yn dweud wrthych am ffordd ddiogel o’i roi.',
  showMore: 'Dangos mwy',
  showMoreHidden: ' am yr hyn a dynnwyd gennym',
  hideNotice: 'Cuddio’r neges hon',
  // ---- after the chat ----
  // ---- problems ----
  connectionProblem: `${sorry}mae problem wrth gysylltu â’r gwasanaeth. Gwiriwch eich cysylltiad â’r rhyngrwyd a rhowch gynnig arall arni.`,
  serviceProblem,
  answersInvalid: 'Gwiriwch eich atebion i’r cwestiynau a rhowch gynnig arall arni.',
  tooManyChats: 'Rydych wedi dechrau gormod o sgyrsiau. Arhoswch ychydig funudau a rhowch gynnig arall arni.',
  tooFast: 'Rydych yn anfon negeseuon yn rhy gyflym. Arhoswch eiliad a rhowch gynnig arall arni.',
  tooManyTranscripts: 'Rydych wedi gofyn am ormod o drawsgrifiadau. Rhowch gynnig arall arni yn nes ymlaen.',
  errors: {
    bad_request: `${sorry}nid oeddem yn gallu derbyn hynny. Gwiriwch yr hyn a roesoch a rhowch gynnig arall arni.`,
    unauthenticated: endedOrExpired,
    forbidden: endedOrExpired,
    not_found: endedOrExpired,
    conflict: `${sorry}nid oedd modd gwneud hynny ar hyn o bryd. Rhowch gynnig arall arni.`,
    payload_too_large: 'Mae hynny’n rhy hir. Gwnewch yn fyrrach a rhowch gynnig arall arni.',
    rate_limited: 'Rydych wedi rhoi cynnig arni ormod o weithiau. Arhoswch ychydig funudau a rhowch gynnig arall arni.',
    conversation_ended: 'Mae’r sgwrs hon wedi dod i ben.',
    unavailable: 'Nid oes cynghorwyr ar gael ar hyn o bryd. Rhowch gynnig arall arni yn nes ymlaen neu gadewch neges.',
    internal: serviceProblem,
    mfa_enrolment_required: serviceProblem,
  },
};
