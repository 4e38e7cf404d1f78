import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  AddRecordDetailBody,
  LoggedContactBody,
  SendMessagePayload,
  SubmitFormBody,
  freeText,
  redactionCategories,
  structuredText,
} from '@ward/protocol';
import { redactFreeText } from '../src/features/redaction/free-text.rules.ts';

const all = redactionCategories;
const card = '4111 1111 1111 1111';

describe('redacting the free text of a parsed request', () => {
  it('redacts marked strings wherever they are (nested, optional, in lists and unions) and says what it removed', () => {
    const schema = z.object({
      note: freeText(z.string()).optional(),
      items: z.array(z.object({ text: freeText(z.string().trim()) })),
      choice: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('note'), text: freeText(z.string()) }),
        z.object({ kind: z.literal('phone'), text: structuredText(z.string()) }),
      ]),
      nested: z.object({ deeper: freeText(z.string()).nullable() }).optional(),
    });
    const parsed = schema.parse({
      note: `pay with ${card}`,
      items: [{ text: 'NI AB 12 34 56 C' }, { text: 'nothing here' }],
      choice: { kind: 'note', text: card },
      nested: { deeper: null },
    });
    expect(redactFreeText(schema, parsed, all)).toEqual({
      value: {
        note: 'pay with [card number removed]',
        items: [{ text: 'NI [National Insurance number removed]' }, { text: 'nothing here' }],
        choice: { kind: 'note', text: '[card number removed]' },
        nested: { deeper: null },
      },
      categories: ['card-number', 'national-insurance-number'],
    });
  });

  it('leaves structured values as typed, even in the option of a union that shares a field name', () => {
    const schema = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('note'), text: freeText(z.string()) }),
      z.object({ kind: z.literal('reference'), text: structuredText(z.string()) }),
    ]);
    const value = { kind: 'reference', text: card };
    expect(redactFreeText(schema, schema.parse(value), all)).toEqual({ value, categories: [] });
  });

  it('redacts only the kinds the council switched on', () => {
    const value = SendMessagePayload.parse({
      clientMessageId: '7d1c3f0a-8f0e-4c89-9a6b-0d4b8f1f2a11',
      body: `${card} and NI AB 12 34 56 C`,
    });
    expect(redactFreeText(SendMessagePayload, value, ['national-insurance-number'])).toEqual({
      value: { ...value, body: `${card} and NI [National Insurance number removed]` },
      categories: ['national-insurance-number'],
    });
  });

  it('works on the protocol’s own bodies: a record note and reason, a contact summary, but not a phone number or name', () => {
    const note = AddRecordDetailBody.parse({
      value: { kind: 'note', text: `card ${card}` },
      reason: `cvv for ${card} is 123`,
    });
    expect(redactFreeText(AddRecordDetailBody, note, all).value).toEqual({
      value: { kind: 'note', text: 'card [card number removed]' },
      reason: 'cvv for [card number removed] is [card details removed]',
    });
    const phone = AddRecordDetailBody.parse({
      value: { kind: 'phone', number: '07700 900123', label: 'AB 12 34 56 C' },
    });
    expect(redactFreeText(AddRecordDetailBody, phone, all)).toEqual({ value: phone, categories: [] });
    const contact = LoggedContactBody.parse({
      channel: 'phone',
      summary: `Rang with card ${card}`,
      name: 'AB 12 34 56 C',
      departmentId: 'council-tax',
    });
    expect(redactFreeText(LoggedContactBody, contact, all).value).toMatchObject({
      summary: 'Rang with card [card number removed]',
      name: 'AB 12 34 56 C',
    });
  });

  it('leaves form answers to the form’s own rules, which know each field’s kind', () => {
    const body = SubmitFormBody.parse({ answers: { message: card, email: 'ann@example.com' } });
    expect(redactFreeText(SubmitFormBody, body, all)).toEqual({ value: body, categories: [] });
  });
});
