import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '@ward/protocol';
import { startTestApp, type TestApp } from './support/test-app.ts';

describe('the widget knows, before the resident starts, whether a topic’s department is answering', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Customer services always open; Waste and recycling closed for good (a closure covering years).
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-hours-')), 'organisation.json');
    const always = Object.fromEntries(
      ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [
        day,
        [['00:00', '23:59']],
      ]),
    );
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: {
          topics: [
            { id: 'other', label: 'Something else', department: 'customer-services' },
            { id: 'bins', label: 'Bins and recycling', department: 'waste' },
          ],
          openingHours: {
            bankHolidays: 'open',
            departments: { 'customer-services': always },
            closures: [{ from: '2020-01-01', to: '2099-12-31', reason: 'Moved', departments: ['waste'] }],
          },
        },
      }),
    );
    t = await startTestApp({ env: { WARD_ORGANISATION_FILE: file } });
  });
  afterAll(async () => t?.close());

  it('says which topics are answered now, and when the others are back', async () => {
    const config = (await (await fetch(`${t.url}/api/widget/demo/config`)).json()) as WidgetConfig;
    const byId = Object.fromEntries(config.topics.map((topic) => [topic.id, topic]));
    // Open all day but the last minute (an opening ends at 23:59 at the latest).
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    expect(byId.other).toMatchObject(london === '23:59' ? { open: false } : { open: true, opensAt: null });
    expect(byId.bins).toMatchObject({ open: false, opensAt: null });
  });

  it('refuses opening hours for a department the council does not have, at start', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ward-hours-')), 'organisation.json');
    writeFileSync(
      file,
      JSON.stringify({
        slug: 'demo',
        name: 'Demo Borough Council',
        settings: {
          topics: [{ id: 'other', label: 'Something else' }],
          openingHours: { departments: { libraries: {} } },
        },
      }),
    );
    await expect(startTestApp({ env: { WARD_ORGANISATION_FILE: file } })).rejects.toThrow(/libraries/);
  });
});
