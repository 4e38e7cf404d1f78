import { describe, expect, it } from 'vitest';
import { EraseSubjectBody, ErasurePreviewBody } from '@ward/protocol';
import { itemKey, itemNames, type PlannedItem } from '../src/features/rights/erasure-wording.ts';
import {
  erasureFieldId,
  erasureFieldOrder,
  validateErasure,
  type ErasureAnswers,
} from '../src/features/rights/validate-erasure.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const record: PlannedItem = { kind: 'customer-record', id: id(1), caseReference: null };
const kase: PlannedItem = { kind: 'case', id: id(2), caseReference: 'WARD-AAAA' };
const chat: PlannedItem = { kind: 'chat', id: id(3), caseReference: 'WARD-AAAA' };
const otherChat: PlannedItem = { kind: 'chat', id: id(4), caseReference: 'WARD-AAAA' };
const email: PlannedItem = { kind: 'email', id: id(5), caseReference: 'WARD-BBBB' };
const items = [record, kase, chat, otherChat, email];
const answers = (change: Partial<ErasureAnswers> = {}): ErasureAnswers => ({
  mode: 'all',
  chosen: new Set(),
  keep: new Map(),
  reason: 'Upheld',
  ...change,
});

describe('the erasure choices in the console (ADR 35)', () => {
  it('names every item so that no two checkboxes read the same', () => {
    const names = itemNames(items);
    expect([...names.values()]).toEqual([
      'Customer record',
      'Case WARD-AAAA',
      'Chat WARD-AAAA (1 of 2)',
      'Chat WARD-AAAA (2 of 2)',
      'Email on case WARD-BBBB',
    ]);
    expect(names.get(itemKey(email))).toBe('Email on case WARD-BBBB');
  });

  it('erases everything by default, and the bodies are what the server accepts', () => {
    const checked = validateErasure(items, answers(), true);
    expect(checked.errors).toEqual({});
    expect(checked.preview).toEqual({ keep: [], items: 'all' });
    expect(checked.erase).toEqual({ keep: [], items: 'all', reason: 'Upheld' });
    expect(EraseSubjectBody.safeParse(checked.erase).success).toBe(true);
  });

  it('sends only the items chosen, in page order, and the kept item with its exemption and trimmed reason', () => {
    const checked = validateErasure(
      items,
      answers({
        mode: 'chosen',
        chosen: new Set([itemKey(email), itemKey(chat)]),
        keep: new Map([[itemKey(kase), { exemption: 'legal-claims', reason: '  Tribunal claim  ' }]]),
      }),
      false,
    );
    expect(checked.errors).toEqual({});
    expect(checked.erase).toBeNull();
    expect(checked.preview).toEqual({
      items: [
        { kind: 'chat', id: chat.id },
        { kind: 'email', id: email.id },
      ],
      keep: [{ kind: 'case', id: kase.id, exemption: 'legal-claims', reason: 'Tribunal claim' }],
    });
    expect(ErasurePreviewBody.safeParse(checked.preview).success).toBe(true);
  });

  it('asks for at least one item, and for each kept item why and the reason, each error linking to its field', () => {
    const checked = validateErasure(
      items,
      answers({
        mode: 'chosen',
        keep: new Map([
          [itemKey(otherChat), { exemption: '', reason: ' ' }],
          [itemKey(record), { exemption: 'legal-obligation', reason: 'x'.repeat(5000) }],
        ]),
        reason: ' ',
      }),
      true,
    );
    expect(checked).toMatchObject({ preview: null, erase: null });
    expect(checked.errors).toEqual({
      items: 'Select at least one item to erase',
      'exemption-3': 'Select why the chat WARD-AAAA (2 of 2) is kept',
      'why-3': 'Enter why the chat WARD-AAAA (2 of 2) is kept',
      'why-0': expect.stringMatching(/^The reason for keeping the customer record must be \d+ characters or fewer$/),
      reason: 'Enter the reason for the erasure',
    });
    expect(erasureFieldOrder(items).filter((f) => f in checked.errors)).toEqual([
      'items',
      'why-0',
      'exemption-3',
      'why-3',
      'reason',
    ]);
    expect(['items', 'exemption-3', 'why-3', 'reason'].map((f) => erasureFieldId(f as never))).toEqual([
      'erase-item-0',
      'keep-3-exemption',
      'keep-3-reason',
      'erase-reason',
    ]);
  });

  it('needs no reason for a preview, only for the erasure', () => {
    expect(validateErasure(items, answers({ reason: '' }), false).errors).toEqual({});
    expect(validateErasure(items, answers({ reason: '' }), true).errors).toEqual({
      reason: 'Enter the reason for the erasure',
    });
  });
});
