import type { ErrorCode } from '@ward/protocol';

/**
 * Every text the widget shows or says, in English (issue 13). The Welsh catalogue (messages-cy.ts)
 * must have every key: its type is this one's. Each is a chunk fetched only when its language is
 * chosen, importing nothing (an import shared with the app would be one more chunk, over the
 * widget's budget): the texts the server holds too (marked "as the protocol's") are copies, and
 * test/messages.test.ts holds them to the protocol's word for word.
 * A number is shown as the language writes it: the functions take it already formatted.
 */
const count = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

export const en = {
  locale: 'en-GB',
  // ---- the app's steps ----
  titleLoading: 'Loading',
  titleError: 'Sorry, there is a problem',
  titlePreChat: 'Start a chat',
  titleDialogue: 'Chat',
  titlePostChat: 'Your chat has ended',
  titleConfirmation: 'Thank you for your feedback',
  errorTitlePrefix: 'Error: ',
  loading: 'Loading…',
  exiting: 'Loading.',
  webChat: 'Web chat',
  languageSwitcher: 'Language',
  close: 'Close',
  closeHidden: ' chat window',
  headerReference: 'Your case reference:',
  notSetUp: 'This chat has not been set up correctly.',
  tryAgainOrContact: 'You can try again, or contact the council another way.',
  tryAgain: 'Try again',
  consentRecorded: 'Thank you. Your consent has been recorded.',
  opensInNewTab: ' (opens in new tab)',
  // ---- Exit this page ----
  exitEmergency: 'Emergency',
  exitThisPage: 'Exit this page',
  // ---- pre-chat form ----
  preChatIntro: 'Tell us a little about your enquiry and an adviser will be with you as soon as they can.',
  quickExitHint: 'To leave this page quickly, select Exit this page or press the Shift key 3 times.',
  name: 'Name',
  emailOptional: 'Email address (optional)',
  emailHint: "We'll only use this to send you a transcript if you ask for one",
  topicLegend: 'What is your enquiry about?',
  howWeUse: 'How we use your information',
  /** As the protocol's `consentCheckboxLabels.preChat`. */
  consentPreChat: 'I have read how my information will be used',
  startChat: 'Start chat',
  accessibilityStatement: 'Accessibility statement (opens in new tab)',
  leaveMessageAbout: (topic: string) => `Leave a message about ${topic} instead (opens in new tab)`,
  notFreeNow: 'No advisers are free for this just now. You can still start a chat and wait, or leave a message',
  noneAvailable: 'No advisers are available for this at the moment',
  today: 'today',
  backAt: (day: string, time: string) => `Advisers are not available now. They are back ${day} at ${time}`,
  // ---- checking the forms ----
  thereIsAProblem: 'There is a problem',
  error: 'Error:',
  // As the protocol's `residentMessages`:
  nameMissing: 'Enter your name',
  nameTooLong: (max: string) => `Name must be ${max} characters or fewer`,
  emailFormat: 'Enter an email address in the correct format, like name@example.com',
  emailTooLong: 'Email address must be 254 characters or fewer',
  topicMissing: 'Select what your enquiry is about',
  topicTooLong: (max: string) => `Topic must be ${max} characters or fewer`,
  consentMissing: 'Confirm that you have read how we use your information',
  messageMissing: 'Enter a message',
  messageEmpty: 'A message cannot be empty',
  messageTooLong: (max: string) => `A message can be at most ${max} characters`,
  // The council's own questions (as the protocol's preChatQuestionMessages, fieldMessages, dateMessages):
  optional: '(optional)',
  answerMissing: (label: string) => `Enter an answer to “${label}”`,
  answerNotChosen: (label: string) => `Select an answer to “${label}”`,
  answerTooLong: (label: string, max: string) => `Your answer to “${label}” must be ${max} characters or fewer`,
  answerNotAnOption: (label: string) => `Select one of the answers to “${label}”`,
  answerUnknown: 'Answer only the questions the form asks',
  // ---- the chat ----
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting… Your messages will be sent when you are back online.',
  noLongerAvailable: 'This chat is no longer available',
  couldNotReconnect: 'We could not reconnect you to this chat. It may have ended or expired.',
  startNewWithReference: 'If you still need help, start a new chat and give the adviser your case reference.',
  startNewChat: 'Start a new chat',
  waiting: 'Waiting for an adviser…',
  chattingWith: (name: string | null) => `You're chatting with ${name ?? 'an adviser'}`,
  adviserSoon: 'An adviser will join soon.',
  youCanType: 'You can type now.',
  leaveMessageInstead: 'Leave a message instead',
  queuePlace: (position: string) => `You are number ${position} in the queue.`,
  usualWait: (minutes: number) =>
    `It usually takes ${minutes >= 60 ? 'an hour or more' : `about ${count(String(minutes), 'minute', 'minutes')}`} for an adviser to answer.`,
  /** Begins as the protocol's `inactivityWarningStarts.en`. */
  closesAt: (time: string) => `This chat will close at ${time} unless you choose to stay.`,
  stay: 'Stay in this chat',
  messagesLabel: 'Messages',
  noMessages: 'No messages yet.',
  you: 'You',
  adviser: 'Adviser',
  update: 'Update',
  sending: 'Sending…',
  at: 'at ',
  delivered: 'Delivered',
  says: (name: string | null, body: string) => `${name ?? 'The adviser'} says: ${body}`,
  typing: (name: string | null) => `${name ?? 'The adviser'} is typing…`,
  typingSpoken: (name: string | null) => `${name ?? 'The adviser'} is typing a message`,
  typeMessage: 'Type your message',
  composerHint: (max: string) =>
    `Press Enter to send. Press Shift and Enter for a new line. You can enter up to ${max} characters.`,
  send: 'Send',
  charactersLeft: (n: string) => `You have ${count(n, 'character', 'characters')} remaining`,
  charactersOver: (n: string) => `You have ${count(n, 'character', 'characters')} too many`,
  endChat: 'End chat',
  endNotConnected: 'Sorry, we could not end the chat because you are not connected. Try again.',
  endFailed: 'Sorry, there is a problem. Try again.',
  consentHeading: 'Your adviser asks for your consent',
  consentNotTicked: 'Select the box to give your consent, or carry on chatting without it',
  yourConsent: 'Your consent',
  /** As the protocol's `consentCheckboxLabels.dialogue`. */
  consentDialogue: 'I agree to you using my information in this way',
  giveConsent: 'Give consent',
  // ---- what Ward removed from a message ----
  important: 'Important',
  cardDetails: 'your card details',
  bankDetails: 'your bank details',
  nationalInsuranceNumber: 'your National Insurance number',
  list: (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`,
  removedFrom: (removed: string, one: boolean) =>
    `We removed ${removed} from that message to keep ${one ? 'it' : 'them'} safe.`,
  removed: (removed: string) => `We removed ${removed}.`,
  adviceCard:
    'Never share card or bank details in a chat. To make a payment, use the council’s online payments page or phone the payments line.',
  adviceNationalInsurance:
    'Do not share your National Insurance number in a chat. If the adviser needs it, they will tell you a safe way to give it.',
  showMore: 'Show more',
  showMoreHidden: ' about what we removed',
  hideNotice: 'Hide this message',
  // ---- after the chat ----
  // ---- problems (never the server's own English words) ----
  connectionProblem:
    'Sorry, there is a problem connecting to the service. Check your internet connection and try again.',
  serviceProblem: 'Sorry, there is a problem with the service. Try again later.',
  answersInvalid: 'Check your answers to the questions and try again.',
  tooManyChats: 'You have started too many chats. Wait a few minutes and try again.',
  tooFast: 'You are sending messages too quickly. Wait a moment and try again.',
  tooManyTranscripts: 'You have asked for too many transcripts. Try again later.',
  errors: {
    bad_request: 'Sorry, we could not accept that. Check what you entered and try again.',
    unauthenticated: 'This chat has ended or expired. Start a new chat if you still need help.',
    forbidden: 'This chat has ended or expired. Start a new chat if you still need help.',
    not_found: 'This chat has ended or expired. Start a new chat if you still need help.',
    conflict: 'Sorry, that could not be done just now. Try again.',
    payload_too_large: 'That is too long. Make it shorter and try again.',
    rate_limited: 'You have tried too many times. Wait a few minutes and try again.',
    conversation_ended: 'This chat has ended.',
    unavailable: 'No advisers are available at the moment. Try again later or leave a message.',
    internal: 'Sorry, there is a problem with the service. Try again later.',
    mfa_enrolment_required: 'Sorry, there is a problem with the service. Try again later.',
  } satisfies Record<ErrorCode, string>,
};

export type Messages = typeof en;
