import { caseReferenceFromRandom } from '@ward/protocol';
import { describe, expect, it } from 'vitest';
import { quotedReferences } from '../src/features/chats/quoted-references.ts';
import { message } from './helpers.ts';

const own = caseReferenceFromRandom([1, 2, 3, 4, 5, 6, 7]);
const quoted = caseReferenceFromRandom([9, 9, 9, 9, 9, 9, 9]);
const another = caseReferenceFromRandom([20, 21, 22, 23, 24, 25, 26]);

describe('case references a resident quotes in a chat', () => {
  it('finds references however they are written, in the order quoted, without repeats', () => {
    const lower = quoted.toLowerCase();
    const messages = [
      message(1, { body: `Hi, about ${lower.replace('-', ' ')} please` }),
      message(2, { body: `Also ${another.replace('-', '')} and again ${quoted}` }),
    ];
    expect(quotedReferences(messages, own)).toEqual([quoted, another]);
  });
  it('leaves out the chat’s own reference, what the agent wrote, and shapes whose check fails', () => {
    const wrong = `${quoted.slice(0, 8)}${quoted.endsWith('0') ? '1' : '0'}`;
    const messages = [
      message(1, { body: `My reference is ${own}` }),
      message(2, { sender: 'agent', body: `Your other case is ${quoted}` }),
      message(3, { body: `Is it ${wrong}? Or ABCDEFGH?` }),
    ];
    expect(quotedReferences(messages, own)).toEqual([]);
  });
});
