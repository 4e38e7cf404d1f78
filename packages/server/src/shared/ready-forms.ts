import type { LocalisedFormInput } from './localised-forms.ts';

/**
 * The three forms every council starts with (issue 4), from the seed privacy notices' services.
 * Councils change or replace them in their organisation settings, like topics. Every text a
 * resident reads is in English and Welsh (ADR 50); a Welsh `errorName` reads after "Rhowch" or
 * "Dewiswch", mutated as it would be there.
 */
const privacyNoticeUrl = 'https://www.example.gov.uk/privacy/customer-services';
const contactSummary = {
  en: 'We use what you tell us to deal with your request and keep it on your customer record. We keep your request for one full calendar month, then delete it.',
  cy: 'Rydym yn defnyddio’r hyn rydych yn ei ddweud wrthym i ymdrin â’ch cais, ac yn ei gadw ar eich cofnod cwsmer. Rydym yn cadw eich cais am fis calendr llawn, ac yna’n ei ddileu.',
};
const noCardDetails = {
  en: 'Do not include card or bank details.',
  cy: 'Peidiwch â chynnwys manylion cerdyn neu fanc.',
};
const caseReferenceExample = { en: 'For example, 4K7M-9P2X', cy: 'Er enghraifft, 4K7M-9P2X' };
const name = { en: 'Your name', cy: 'Eich enw' };
const yourName = { en: 'your name', cy: 'eich enw' };
const emailAddress = { en: 'Email address', cy: 'Cyfeiriad e-bost' };
const referenceSentHere = {
  en: 'We will send your case reference to this address.',
  cy: 'Byddwn yn anfon eich cyfeirnod achos i’r cyfeiriad hwn.',
};
const yourEmailAddress = { en: 'your email address', cy: 'eich cyfeiriad e-bost' };
const telephoneNumber = { en: 'Telephone number', cy: 'Rhif ffôn' };
const yourTelephoneNumber = { en: 'your telephone number', cy: 'eich rhif ffôn' };

export const readyForms: LocalisedFormInput[] = [
  {
    id: 'report-a-fault',
    title: { en: 'Report a fault', cy: 'Rhoi gwybod am nam' },
    description: {
      en: 'Report a street light that is not working, a pothole, or another problem on a road or pavement.',
      cy: 'Rhowch wybod i ni am olau stryd nad yw’n gweithio, twll yn y ffordd, neu broblem arall ar ffordd neu balmant.',
    },
    department: 'highways',
    topic: 'Fault report',
    whatHappensNext: {
      en: 'We will inspect the fault and put it on our list of repairs. We only contact you if we need more information.',
      cy: 'Byddwn yn archwilio’r nam ac yn ei roi ar ein rhestr o waith atgyweirio. Dim ond os bydd angen rhagor o wybodaeth arnom y byddwn yn cysylltu â chi.',
    },
    fields: [
      {
        id: 'faultType',
        type: 'radios',
        label: { en: 'What kind of fault is it?', cy: 'Pa fath o nam ydyw?' },
        errorName: { en: 'what kind of fault it is', cy: 'y math o nam' },
        options: [
          {
            value: 'street-light',
            label: { en: 'A street light that is not working', cy: 'Golau stryd nad yw’n gweithio' },
          },
          { value: 'pothole', label: { en: 'A pothole', cy: 'Twll yn y ffordd' } },
          { value: 'other', label: { en: 'Something else', cy: 'Rhywbeth arall' } },
        ],
      },
      {
        id: 'location',
        type: 'location',
        label: { en: 'Where is the fault?', cy: 'Ble mae’r nam?' },
        hint: {
          en: 'For example, outside 12 High Street, or the number on the lamp post.',
          cy: 'Er enghraifft, y tu allan i 12 Stryd Fawr, neu’r rhif ar y postyn lamp.',
        },
        errorName: { en: 'where the fault is', cy: 'ble mae’r nam' },
      },
      {
        id: 'description',
        type: 'textarea',
        label: { en: 'Describe the fault', cy: 'Disgrifiwch y nam' },
        maxLength: 2000,
        errorName: { en: 'a description of the fault', cy: 'ddisgrifiad o’r nam' },
        hint: noCardDetails,
      },
      {
        id: 'noticedOn',
        type: 'date',
        label: { en: 'When did you notice it?', cy: 'Pryd wnaethoch chi sylwi arno?' },
        hint: { en: 'For example, 27 3 2025', cy: 'Er enghraifft, 27 3 2025' },
        required: false,
        when: 'past',
        errorName: { en: 'the date you noticed it', cy: 'y dyddiad y gwnaethoch sylwi arno' },
      },
      {
        id: 'caseReference',
        type: 'case-reference',
        label: {
          en: 'Case reference, if you have reported this before',
          cy: 'Cyfeirnod achos, os ydych wedi rhoi gwybod am hyn o’r blaen',
        },
        hint: caseReferenceExample,
        required: false,
      },
      {
        id: 'name',
        type: 'text',
        label: name,
        required: false,
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: yourName,
      },
      {
        id: 'email',
        type: 'email',
        label: emailAddress,
        hint: referenceSentHere,
        required: false,
        recordField: 'email',
        errorName: yourEmailAddress,
      },
      {
        id: 'phone',
        type: 'phone',
        label: telephoneNumber,
        required: false,
        recordField: 'phone',
        errorName: yourTelephoneNumber,
      },
    ],
  },
  {
    id: 'apply-for-a-service',
    title: { en: 'Apply or subscribe for a service', cy: 'Gwneud cais am wasanaeth neu danysgrifio iddo' },
    description: {
      en: 'Apply for a council service, such as a garden waste subscription or a bulky waste collection.',
      cy: 'Gwnewch gais am un o wasanaethau’r cyngor, fel tanysgrifiad gwastraff gardd neu gasgliad gwastraff swmpus.',
    },
    department: 'waste',
    topic: 'Service application',
    consent: { privacyNoticeUrl, summary: contactSummary },
    whatHappensNext: {
      en: 'We will check your application and email you within 5 working days to tell you what happens next and how to pay.',
      cy: 'Byddwn yn gwirio eich cais ac yn anfon e-bost atoch o fewn 5 diwrnod gwaith i ddweud wrthych beth sy’n digwydd nesaf a sut i dalu.',
    },
    fields: [
      {
        id: 'service',
        type: 'radios',
        label: { en: 'Which service do you want?', cy: 'Pa wasanaeth yr hoffech ei gael?' },
        errorName: { en: 'the service you want', cy: 'y gwasanaeth yr hoffech ei gael' },
        options: [
          {
            value: 'garden-waste',
            label: { en: 'Garden waste subscription', cy: 'Tanysgrifiad gwastraff gardd' },
            hint: { en: '12 months of fortnightly collections', cy: '12 mis o gasgliadau bob pythefnos' },
          },
          { value: 'bulky-waste', label: { en: 'Bulky waste collection', cy: 'Casgliad gwastraff swmpus' } },
          { value: 'extra-recycling-bin', label: { en: 'An extra recycling bin', cy: 'Bin ailgylchu ychwanegol' } },
        ],
      },
      {
        id: 'startDate',
        type: 'date',
        label: { en: 'When would you like it to start?', cy: 'Pryd yr hoffech iddo ddechrau?' },
        hint: { en: 'For example, 1 4 2026', cy: 'Er enghraifft, 1 4 2026' },
        required: false,
        when: 'future',
        errorName: { en: 'the date you would like it to start', cy: 'y dyddiad yr hoffech iddo ddechrau' },
      },
      {
        id: 'name',
        type: 'text',
        label: { en: 'Full name', cy: 'Enw llawn' },
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: { en: 'your full name', cy: 'eich enw llawn' },
      },
      {
        id: 'address',
        type: 'location',
        label: { en: 'Your address', cy: 'Eich cyfeiriad' },
        recordField: 'address',
        errorName: { en: 'your address', cy: 'eich cyfeiriad' },
      },
      {
        id: 'email',
        type: 'email',
        label: emailAddress,
        hint: referenceSentHere,
        recordField: 'email',
        errorName: yourEmailAddress,
      },
      {
        id: 'phone',
        type: 'phone',
        label: telephoneNumber,
        required: false,
        recordField: 'phone',
        errorName: yourTelephoneNumber,
      },
      {
        id: 'terms',
        type: 'checkbox',
        label: { en: 'Before you apply', cy: 'Cyn i chi wneud cais' },
        errorName: {
          en: 'the box to say you understand that you will be asked to pay',
          cy: 'y blwch i ddweud eich bod yn deall y bydd gofyn i chi dalu',
        },
        options: [
          {
            value: 'understood',
            label: {
              en: 'I understand that I will be asked to pay before the service starts',
              cy: 'Rwy’n deall y bydd gofyn i mi dalu cyn i’r gwasanaeth ddechrau',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'leave-your-details',
    title: { en: 'Leave your details for us to reply', cy: 'Gadael eich manylion er mwyn i ni ymateb' },
    description: {
      en: 'Tell us what you need and how to reach you, and we will get back to you.',
      cy: 'Dywedwch wrthym beth sydd ei angen arnoch a sut y gallwn gysylltu â chi, a byddwn yn ymateb i chi.',
    },
    department: 'customer-services',
    topic: 'Call-back request',
    consent: { privacyNoticeUrl, summary: contactSummary },
    whatHappensNext: {
      en: 'We will reply within 2 working days, by email or telephone.',
      cy: 'Byddwn yn ymateb o fewn 2 ddiwrnod gwaith, drwy e-bost neu dros y ffôn.',
    },
    fields: [
      {
        id: 'name',
        type: 'text',
        label: name,
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: yourName,
      },
      {
        id: 'email',
        type: 'email',
        label: emailAddress,
        required: false,
        recordField: 'email',
        errorName: yourEmailAddress,
      },
      {
        id: 'phone',
        type: 'phone',
        label: telephoneNumber,
        required: false,
        recordField: 'phone',
        errorName: yourTelephoneNumber,
      },
      {
        id: 'caseReference',
        type: 'case-reference',
        label: {
          en: 'Case reference, if this is about something you have already told us',
          cy: 'Cyfeirnod achos, os yw hyn am rywbeth rydych eisoes wedi’i ddweud wrthym',
        },
        hint: caseReferenceExample,
        required: false,
      },
      {
        id: 'message',
        type: 'textarea',
        label: { en: 'Your message', cy: 'Eich neges' },
        maxLength: 2000,
        errorName: { en: 'your message', cy: 'eich neges' },
        hint: noCardDetails,
      },
    ],
    atLeastOne: [
      {
        fields: ['email', 'phone'],
        message: { en: 'Enter an email address or a telephone number', cy: 'Rhowch gyfeiriad e-bost neu rif ffôn' },
      },
    ],
  },
];
