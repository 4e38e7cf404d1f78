import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { StartConversationResponse, VisitorClientEvents, VisitorServerEvents } from '@ward/protocol';
import type { Socket } from 'socket.io-client';
import { freePort } from '../src/shared/free-port.ts';
import { runWard, startWardServe } from './support/ward-process.ts';
import { createTestDatabase } from './support/test-database.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Runs a program with Node 24 first on PATH, as a shell would after `npm install`; never throws. */
function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
  return new Promise((resolve) =>
    execFile(file, args, { cwd: repoRoot, env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}

describe('the ward command as installed', () => {
  const bin = async () => {
    const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      bin: { ward: string };
    };
    return manifest.bin.ward;
  };

  // Starting the command loads all of Ward; on a busy machine that alone can take many seconds.
  it('is executable in a fresh clone, with a shebang that finds node', { timeout: 120_000 }, async () => {
    const file = await bin();
    // The mode a clone gets is the one git stores; a checkout without git has it on the file.
    const tracked = await run('git', ['ls-files', '--stage', '--', file]);
    if (tracked.code === 0 && tracked.stdout) expect(tracked.stdout).toMatch(/^100755 /);
    else expect((await stat(path.join(repoRoot, file))).mode & 0o111).toBe(0o111);
    await access(path.join(repoRoot, file), constants.X_OK);
    expect((await readFile(path.join(repoRoot, file), 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
    const direct = await run(path.join(repoRoot, file), ['--help']);
    expect(direct).toMatchObject({ code: 0, stderr: '' });
    expect(direct.stdout).toContain('ward <command>');
  });

  it('runs as npx ward', { timeout: 120_000 }, async () => {
    const result = await run('npx', ['--no-install', 'ward', '--help']);
    expect(result.stderr).not.toMatch(/denied/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ward <command>');
  });
});

describe('the ward command', () => {
  it('prints help, and refuses wrong arguments with a clear message', async () => {
    const help = await runWard(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('ward <command>');
    const unknown = await runWard(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badFlag = await runWard(['serve', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'/);
    const admin = await runWard(['admin', 'remove']);
    expect(admin.stderr).toContain('Did you mean "ward admin create"?');
  });

  it('stops at start with a message that says which setting to fix', async () => {
    const result = await runWard(['migrate'], { PORT: 'eighty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/PORT/);
  });

  it('migrates an external database and prints an administrator link', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase();
    try {
      const migrated = await runWard(['migrate'], { DATABASE_URL: database.url });
      expect(migrated.stdout).toContain('Applied migrations: 0001-initial');
      expect((await runWard(['migrate'], { DATABASE_URL: database.url })).stdout).toContain('up to date');
      const invalid = await runWard(['admin', 'create', '--email', 'not-an-email'], { DATABASE_URL: database.url });
      expect(invalid.code).toBe(1);
      const withoutKeys = await runWard(['admin', 'create'], { DATABASE_URL: database.url });
      expect(withoutKeys.code).toBe(78);
      expect(withoutKeys.stderr).toContain('WARD_KEK_FILE or WARD_KEK must be set when DATABASE_URL is');
      const kek = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
      const withoutIndexKey = await runWard(['admin', 'create'], { DATABASE_URL: database.url, WARD_KEK: kek });
      expect(withoutIndexKey.code).toBe(78);
      expect(withoutIndexKey.stderr).toContain(
        'WARD_INDEX_KEY_FILE or WARD_INDEX_KEY must be set when DATABASE_URL is',
      );
      const indexKey = Buffer.alloc(32, 9).toString('base64');
      const withoutAuditKey = await runWard(['admin', 'create'], {
        DATABASE_URL: database.url,
        WARD_KEK: kek,
        WARD_INDEX_KEY: indexKey,
      });
      expect(withoutAuditKey.code).toBe(78);
      expect(withoutAuditKey.stderr).toContain(
        'WARD_AUDIT_KEY_FILE or WARD_AUDIT_KEY must be set when DATABASE_URL is',
      );
      const link = await runWard(['admin', 'create', '--email', 'it@council.example'], {
        DATABASE_URL: database.url,
        WARD_KEK: kek,
        WARD_INDEX_KEY: indexKey,
        WARD_AUDIT_KEY: Buffer.alloc(32, 5).toString('base64'),
        WARD_PUBLIC_URL: 'https://chat.council.example',
      });
      expect(link.stdout).toMatch(/https:\/\/chat\.council\.example\/console\/invitations\/[\w-]{40,}/);
    } finally {
      await database.drop();
    }
  });
});

describe('ward serve with the embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ward-embedded-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts with nothing configured, and a conversation survives a restart', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const env = { WARD_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', WARD_LOG_LEVEL: 'info' };
    const url = `http://127.0.0.1:${port}`;
    const first = await startWardServe(env, /first administrator/);
    const log = first.lines.join('\n');
    for (const expected of [`${url}/`, `${url}/console/`, `${url}/api/openapi.json`, `${url}/console/invitations/`])
      expect(log).toContain(expected);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });

    const chat = (await (
      await fetch(`${url}/api/widget/demo/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ann', topic: 'housing', consent: true }),
      })
    ).json()) as StartConversationResponse;
    const open = async () => {
      const socket: Socket<VisitorServerEvents, VisitorClientEvents> = connect(`${url}/visitor`, {
        auth: { token: chat.visitorToken },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      await new Promise((resolve, reject) => socket.once('connect', () => resolve(null)).once('connect_error', reject));
      return socket;
    };
    const before = await open();
    const sent = await before.emitWithAck('message:send', {
      clientMessageId: randomUUID(),
      body: 'Is my housing application complete?',
    });
    expect(sent.ok).toBe(true);
    before.disconnect();
    expect(await first.stop()).toBe(0);

    const second = await startWardServe(env, /Staff console/);
    try {
      expect(second.lines.join('\n')).not.toContain('first administrator');
      const after = await open();
      const resumed = await after.emitWithAck('resume', { afterSeq: 0 });
      expect(resumed.ok && resumed.messages.map((m) => m.body)).toEqual(['Is my housing application complete?']);
      after.disconnect();
    } finally {
      await second.stop();
    }
  });
});
