import { describe, expect, it } from 'vitest';
import {
  addressToLocate,
  approximateLocation,
  describeLocation,
  readLocation,
  storedLocation,
} from '../src/features/conversations/ip-location.rules.ts';

// An entry as DB-IP's City Lite database holds it: more precise than Ward may keep.
const cardiff = {
  city: 'Cardiff',
  country_code: 'GB',
  latitude: 51.4868,
  longitude: -3.177,
  postcode: 'CF10 3AT',
  state1: 'Wales',
  state2: '',
  timezone: 'Europe/London',
};

describe('approximate location from the IP address', () => {
  it('keeps the town, region and country by name, and nothing finer', () => {
    const location = approximateLocation(cardiff, 'town');
    expect(location).toEqual({ country: 'United Kingdom', region: 'Wales', town: 'Cardiff' });
    expect(JSON.parse(storedLocation(location))).toEqual({
      country: 'United Kingdom',
      region: 'Wales',
      town: 'Cardiff',
    });
    expect(storedLocation(location)).not.toMatch(/51\.48|-3\.17|CF10|Europe/);
    expect(describeLocation(location)).toBe('Cardiff, Wales, United Kingdom');
  });

  it('drops the district of a large city, which is finer than a town', () => {
    const entry = { ...cardiff, city: 'Sheffield (Broomhall)', state1: 'England' };
    expect(approximateLocation(entry, 'town').town).toBe('Sheffield');
  });

  it('keeps less when the council chooses region or country', () => {
    expect(approximateLocation(cardiff, 'region')).toEqual({ country: 'United Kingdom', region: 'Wales', town: null });
    expect(approximateLocation(cardiff, 'country')).toEqual({ country: 'United Kingdom', region: null, town: null });
    expect(describeLocation(approximateLocation(cardiff, 'country'))).toBe('United Kingdom');
  });

  it('is unknown when the database has no entry or an unusable one', () => {
    expect(approximateLocation(null, 'town')).toEqual({ country: null, region: null, town: null });
    expect(approximateLocation({ country_code: 'ZZ', city: '', state1: 7 }, 'town')).toEqual({
      country: null,
      region: null,
      town: null,
    });
    expect(describeLocation({ country: null, region: null, town: null })).toBeNull();
  });

  it('looks up public addresses only, an IPv4 address written as IPv6 as IPv4', () => {
    expect(addressToLocate('131.251.0.1')).toEqual({ family: 4, address: '131.251.0.1' });
    expect(addressToLocate('::ffff:131.251.0.1')).toEqual({ family: 4, address: '131.251.0.1' });
    expect(addressToLocate('2a00:1098:0:80:1000::12')).toEqual({ family: 6, address: '2a00:1098:0:80:1000::12' });
    for (const unplaceable of ['127.0.0.1', '::1', '10.1.2.3', '192.168.0.9', 'fe80::1', '203.0.113.7', 'x', undefined])
      expect(addressToLocate(unplaceable), String(unplaceable)).toBeNull();
  });

  it('reads back what was stored; nothing stored is not collected', () => {
    const stored = storedLocation({ country: 'United Kingdom', region: 'Wales', town: null });
    expect(readLocation(stored)).toEqual({ country: 'United Kingdom', region: 'Wales', town: null });
    expect(readLocation(null)).toBeNull();
  });
});
