import { describe, expect, it } from 'vitest';
import { agentRedactionNotice } from '../src/features/chats/redaction-notice.ts';

describe('the notice when Ward removed details from an agent’s message', () => {
  it('names what was removed, in a fixed order', () => {
    expect(agentRedactionNotice(['card-number']).heading).toBe('Ward removed card details from your message.');
    expect(agentRedactionNotice(['national-insurance-number', 'card-number', 'bank-details']).heading).toBe(
      'Ward removed card details, bank details and a National Insurance number from your message.',
    );
  });
});
