import { describe, expect, it } from 'vitest';
import { Uuid } from '@ward/protocol';
import { newClientMessageId } from '../src/app/client-message-id.ts';

describe('newClientMessageId', () => {
  it('uses crypto.randomUUID when there is one', () => {
    expect(Uuid.safeParse(newClientMessageId()).success).toBe(true);
  });

  it('builds a valid UUID v4 without randomUUID (plain http)', () => {
    const getRandomValues: Crypto['getRandomValues'] = (array) => crypto.getRandomValues(array);
    for (let i = 0; i < 50; i++) {
      const id = newClientMessageId({ getRandomValues });
      expect(Uuid.safeParse(id).success, id).toBe(true);
    }
    expect(newClientMessageId({ getRandomValues })).not.toBe(newClientMessageId({ getRandomValues }));
  });
});
