import { describe, expect, it } from 'vitest';
import { approximateLocationText } from '../src/features/chats/approximate-location.ts';

describe('the approximate location an agent reads', () => {
  it('names the town, region and country, and says where it comes from', () => {
    expect(approximateLocationText({ country: 'United Kingdom', region: 'Wales', town: 'Cardiff' })).toBe(
      'Cardiff, Wales, United Kingdom (from the internet address)',
    );
    expect(approximateLocationText({ country: 'United Kingdom', region: null, town: null })).toBe(
      'United Kingdom (from the internet address)',
    );
  });

  it('says unknown when the address placed no one, and nothing when location is switched off', () => {
    expect(approximateLocationText({ country: null, region: null, town: null })).toBe(
      'Unknown (from the internet address)',
    );
    expect(approximateLocationText(null)).toBeNull();
  });
});
