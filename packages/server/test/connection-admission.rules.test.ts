import { describe, expect, it } from 'vitest';
import { admitsConnection, retryAfterMs, retryAfterMsRange } from '../src/transport/realtime/connection-admission.ts';

describe('admitting residents’ connections during a reconnect storm', () => {
  it('lets a connection in up to the queue limit, and asks it to come back past it', () => {
    expect(admitsConnection(0, 200)).toBe(true);
    expect(admitsConnection(200, 200)).toBe(true);
    expect(admitsConnection(201, 200)).toBe(false);
  });

  it('spreads the returns over one to five seconds', () => {
    expect(retryAfterMs(() => 0)).toBe(retryAfterMsRange.min);
    expect(retryAfterMs(() => 0.5)).toBe(3000);
    expect(retryAfterMs(() => 0.999_999)).toBe(retryAfterMsRange.max);
  });
});
