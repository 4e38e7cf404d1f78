import type { FormDefinitionInput } from '@ward/protocol';

/**
 * The three forms every council starts with (issue 4), from the seed privacy notices' services.
 * Councils change or replace them in their organisation settings, like topics.
 */
const privacyNoticeUrl = 'https://www.example.gov.uk/privacy/customer-services';
const contactSummary =
  'We use what you tell us to deal with your request and keep it on your customer record. We keep your request for one full calendar month, then delete it.';

export const readyForms: FormDefinitionInput[] = [
  {
    id: 'report-a-fault',
    title: 'Report a fault',
    description: 'Report a street light that is not working, a pothole, or another problem on a road or pavement.',
    department: 'highways',
    topic: 'Fault report',
    whatHappensNext:
      'We will inspect the fault and put it on our list of repairs. We only contact you if we need more information.',
    fields: [
      {
        id: 'faultType',
        type: 'radios',
        label: 'What kind of fault is it?',
        errorName: 'what kind of fault it is',
        options: [
          { value: 'street-light', label: 'A street light that is not working' },
          { value: 'pothole', label: 'A pothole' },
          { value: 'other', label: 'Something else' },
        ],
      },
      {
        id: 'location',
        type: 'location',
        label: 'Where is the fault?',
        hint: 'For example, outside 12 High Street, or the number on the lamp post.',
        errorName: 'where the fault is',
      },
      {
        id: 'description',
        type: 'textarea',
        label: 'Describe the fault',
        maxLength: 2000,
        errorName: 'a description of the fault',
        hint: 'Do not include card or bank details.',
      },
      {
        id: 'noticedOn',
        type: 'date',
        label: 'When did you notice it?',
        hint: 'For example, 27 3 2025',
        required: false,
        when: 'past',
        errorName: 'the date you noticed it',
      },
      {
        id: 'caseReference',
        type: 'case-reference',
        label: 'Case reference, if you have reported this before',
        hint: 'For example, 4K7M-9P2X',
        required: false,
      },
      {
        id: 'name',
        type: 'text',
        label: 'Your name',
        required: false,
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: 'your name',
      },
      {
        id: 'email',
        type: 'email',
        label: 'Email address',
        hint: 'We will send your case reference to this address.',
        required: false,
        recordField: 'email',
        errorName: 'your email address',
      },
      {
        id: 'phone',
        type: 'phone',
        label: 'Telephone number',
        required: false,
        recordField: 'phone',
        errorName: 'your telephone number',
      },
    ],
  },
  {
    id: 'apply-for-a-service',
    title: 'Apply or subscribe for a service',
    description: 'Apply for a council service, such as a garden waste subscription or a bulky waste collection.',
    department: 'waste',
    topic: 'Service application',
    consent: { privacyNoticeUrl, summary: contactSummary },
    whatHappensNext:
      'We will check your application and email you within 5 working days to tell you what happens next and how to pay.',
    fields: [
      {
        id: 'service',
        type: 'radios',
        label: 'Which service do you want?',
        errorName: 'the service you want',
        options: [
          { value: 'garden-waste', label: 'Garden waste subscription', hint: '12 months of fortnightly collections' },
          { value: 'bulky-waste', label: 'Bulky waste collection' },
          { value: 'extra-recycling-bin', label: 'An extra recycling bin' },
        ],
      },
      {
        id: 'startDate',
        type: 'date',
        label: 'When would you like it to start?',
        hint: 'For example, 1 4 2026',
        required: false,
        when: 'future',
        errorName: 'the date you would like it to start',
      },
      {
        id: 'name',
        type: 'text',
        label: 'Full name',
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: 'your full name',
      },
      { id: 'address', type: 'location', label: 'Your address', recordField: 'address', errorName: 'your address' },
      {
        id: 'email',
        type: 'email',
        label: 'Email address',
        hint: 'We will send your case reference to this address.',
        recordField: 'email',
        errorName: 'your email address',
      },
      {
        id: 'phone',
        type: 'phone',
        label: 'Telephone number',
        required: false,
        recordField: 'phone',
        errorName: 'your telephone number',
      },
      {
        id: 'terms',
        type: 'checkbox',
        label: 'Before you apply',
        errorName: 'the box to say you understand that you will be asked to pay',
        options: [{ value: 'understood', label: 'I understand that I will be asked to pay before the service starts' }],
      },
    ],
  },
  {
    id: 'leave-your-details',
    title: 'Leave your details for us to reply',
    description: 'Tell us what you need and how to reach you, and we will get back to you.',
    department: 'customer-services',
    topic: 'Call-back request',
    consent: { privacyNoticeUrl, summary: contactSummary },
    whatHappensNext: 'We will reply within 2 working days, by email or telephone.',
    fields: [
      {
        id: 'name',
        type: 'text',
        label: 'Your name',
        maxLength: 100,
        autocomplete: 'name',
        recordField: 'name',
        errorName: 'your name',
      },
      {
        id: 'email',
        type: 'email',
        label: 'Email address',
        required: false,
        recordField: 'email',
        errorName: 'your email address',
      },
      {
        id: 'phone',
        type: 'phone',
        label: 'Telephone number',
        required: false,
        recordField: 'phone',
        errorName: 'your telephone number',
      },
      {
        id: 'caseReference',
        type: 'case-reference',
        label: 'Case reference, if this is about something you have already told us',
        hint: 'For example, 4K7M-9P2X',
        required: false,
      },
      {
        id: 'message',
        type: 'textarea',
        label: 'Your message',
        maxLength: 2000,
        errorName: 'your message',
        hint: 'Do not include card or bank details.',
      },
    ],
    atLeastOne: [{ fields: ['email', 'phone'], message: 'Enter an email address or a telephone number' }],
  },
];
