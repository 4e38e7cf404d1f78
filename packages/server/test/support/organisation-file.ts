import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultOrganisation } from '../../src/shared/organisation-settings.ts';

const allDay = [['00:00', '24:00']] as [string, string][];
const week = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Opening hours with advisers answering at every hour, bank holidays too: no test depends on when it runs. */
export const roundTheClock = {
  weekly: Object.fromEntries(week.map((day) => [day, allDay])),
  bankHolidays: 'open' as const,
};

/**
 * Writes an organisation file for `WARD_ORGANISATION_FILE`: the demo council's name and topics,
 * open round the clock, with `settings` in place of any of them. Returns its path.
 */
export async function writeOrganisationFile(settings: Record<string, unknown>): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ward-organisation-')), 'organisation.json');
  const { slug, name } = defaultOrganisation;
  const base = { topics: defaultOrganisation.settings.topics, openingHours: roundTheClock };
  await writeFile(file, JSON.stringify({ slug, name, settings: { ...base, ...settings } }));
  return file;
}
