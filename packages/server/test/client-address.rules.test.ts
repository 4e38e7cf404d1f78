import { describe, expect, it } from 'vitest';
import { clientAddress } from '../src/transport/realtime/client-address.rules.ts';

describe('the address an agent socket comes from, as HTTP works it out', () => {
  it('is the connection’s own address unless Ward trusts its proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.23', false)).toBe('::ffff:127.0.0.1');
    expect(clientAddress('10.0.0.5', undefined, false)).toBe('10.0.0.5');
  });
  it('behind a trusted proxy is the first forwarded address (Fastify’s trustProxy: true)', () => {
    expect(clientAddress('10.0.0.5', '198.51.100.23', true)).toBe('198.51.100.23');
    expect(clientAddress('10.0.0.5', ' 198.51.100.23 , 10.0.0.1,10.0.0.2', true)).toBe('198.51.100.23');
    expect(clientAddress('10.0.0.5', ['2001:db8::1', '10.0.0.1'], true)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.5', ' , 198.51.100.23', true)).toBe('198.51.100.23');
  });
  it('falls back to the connection’s address when nothing was forwarded', () => {
    expect(clientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '', true)).toBe('10.0.0.5');
    expect(clientAddress(undefined, ' , ', true)).toBeUndefined();
  });
});
