import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '../src/app/i18n.ts';
import { redactionAnnouncement, redactionNotice, redactionsBetween } from '../src/app/redaction-notice.ts';

// The widget's texts in English, as a resident on an English page reads them.
beforeAll(() => chooseLanguage('en'));

describe('the notice when something was removed from a message', () => {
  it('names what was removed and says what to do instead, in plain words', () => {
    expect(redactionNotice(['card-number'])).toEqual({
      title: 'Important',
      heading: 'We removed your card details from that message to keep them safe.',
      summary: 'We removed your card details.',
      advice: [
        'Never share card or bank details in a chat. To make a payment, use the council’s online payments page or phone the payments line.',
      ],
    });
    expect(redactionNotice(['national-insurance-number']).heading).toBe(
      'We removed your National Insurance number from that message to keep it safe.',
    );
    expect(redactionNotice(['national-insurance-number']).advice).toEqual([
      'Do not share your National Insurance number in a chat. If the adviser needs it, they will tell you a safe way to give it.',
    ]);
  });

  it('lists several kinds in a fixed order, and gives each piece of advice once', () => {
    const notice = redactionNotice(['national-insurance-number', 'bank-details', 'card-number']);
    expect(notice.heading).toBe(
      'We removed your card details, your bank details and your National Insurance number from that message to keep them safe.',
    );
    expect(notice.advice).toHaveLength(2);
    expect(redactionNotice(['bank-details', 'card-number']).heading).toBe(
      'We removed your card details and your bank details from that message to keep them safe.',
    );
    expect(redactionAnnouncement(['bank-details'])).toBe(
      'We removed your bank details from that message to keep them safe. Never share card or bank details in a chat. To make a payment, use the council’s online payments page or phone the payments line.',
    );
  });

  it('works out what was removed from the stored text when the acknowledgement was lost', () => {
    expect(
      redactionsBetween('card 4111 1111 1111 1111 cvv 123', 'card [card number removed] cvv [card details removed]'),
    ).toEqual(['card-number']);
    expect(redactionsBetween('AB123456C', '[National Insurance number removed]')).toEqual([
      'national-insurance-number',
    ]);
    expect(redactionsBetween('hello', 'hello')).toEqual([]);
    expect(
      redactionsBetween('[bank details removed] 4111111111111111', '[bank details removed] [card number removed]'),
    ).toEqual(['card-number']);
  });
});
