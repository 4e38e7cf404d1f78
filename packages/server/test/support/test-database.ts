import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { servingRoleName } from '../../src/db/serving-role.ts';
import './global-setup.ts';

/** Chosen once per run by global-setup.ts: the machine's PostgreSQL, or an embedded one. */
const testServerUrl = inject('testServerUrl');

/** A fresh, empty database per test file, dropped afterwards with the serving role Ward made for it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testServerUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${servingRoleName(name)}`);
      await client.end();
    },
  };
}
