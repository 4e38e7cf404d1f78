import ipaddr from 'ipaddr.js';

/** How precisely Ward records where a resident is (WARD_LOCATION, ADR 46): never finer than a town. */
export const locationPrecisions = ['off', 'country', 'region', 'town'] as const;
export type LocationPrecision = (typeof locationPrecisions)[number];

/** What Ward keeps of a resident's location: names only. All three null: looked up, not found. */
export type ApproximateLocation = { country: string | null; region: string | null; town: string | null };

/**
 * The fields Ward reads of an entry in DB-IP's IP to City Lite database. Its coordinates, postcode
 * and time zone are never read, so they cannot be stored.
 */
export type IpLocationEntry = { country_code?: unknown; state1?: unknown; city?: unknown };

export const unknownLocation: ApproximateLocation = { country: null, region: null, town: null };

/**
 * The address to look up, or null for one no database can place: loopback, private, link-local,
 * reserved for documentation and the like. An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is IPv4.
 */
export function addressToLocate(ip: string | undefined): { family: 4 | 6; address: string } | null {
  if (!ip || !ipaddr.isValid(ip)) return null;
  const parsed = ipaddr.process(ip);
  if (parsed.range() !== 'unicast') return null;
  return { family: parsed.kind() === 'ipv4' ? 4 : 6, address: parsed.toString() };
}

const countryNames = new Intl.DisplayNames(['en-GB'], { type: 'region', fallback: 'none' });

const placeName = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  // DB-IP names a district of a large city in brackets, "Sheffield (Broomhall)": finer than a town.
  const name = value.replace(/\s*\(.*$/, '').trim();
  return name ? name.slice(0, 100) : null;
};

function countryName(code: unknown): string | null {
  if (typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code) || code.toUpperCase() === 'ZZ') return null;
  return countryNames.of(code.toUpperCase()) ?? null;
}

/** The database's entry cut to the precision chosen: a town at most, never coordinates or a postcode. */
export function approximateLocation(
  entry: IpLocationEntry | null,
  precision: Exclude<LocationPrecision, 'off'>,
): ApproximateLocation {
  if (!entry) return unknownLocation;
  return {
    country: countryName(entry.country_code),
    region: precision === 'country' ? null : placeName(entry.state1),
    town: precision === 'town' ? placeName(entry.city) : null,
  };
}

/** "Cardiff, Wales, United Kingdom"; null when nothing is known. */
export function describeLocation(location: ApproximateLocation): string | null {
  const parts = [location.town, location.region, location.country].filter((part): part is string => !!part);
  return parts.length ? [...new Set(parts)].join(', ') : null;
}

/** As sealed in `conversations.location`. */
export const storedLocation = (location: ApproximateLocation): string =>
  JSON.stringify({ country: location.country, region: location.region, town: location.town });

/** The stored JSON read back; null when not collected (switched off, or erased). */
export function readLocation(stored: string | null): ApproximateLocation | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as Record<string, unknown>;
    const text = (field: unknown) => (typeof field === 'string' && field ? field : null);
    return { country: text(value.country), region: text(value.region), town: text(value.town) };
  } catch {
    return unknownLocation;
  }
}
