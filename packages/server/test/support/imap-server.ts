import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from '../../src/shared/free-port.ts';

/** Debian's `dovecot-imapd` (`npm run setup:test` installs it); `WARD_DOVECOT` points elsewhere. */
export const dovecotBinary = process.env.WARD_DOVECOT ?? '/usr/sbin/dovecot';

export type MailboxMessage = { uid: number; flags: string[]; subject: string };

export type ImapTestServer = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** What WARD_IMAP_URL would say for this server's one user. */
  url: string;
  /** Puts a raw message into a mailbox with a real IMAP APPEND. */
  deliver: (raw: Buffer | string, options?: { mailbox?: string; flags?: string[] }) => Promise<number>;
  /** The messages of a mailbox with their flags (`\Recent` left out), in UID order. */
  messages: (mailbox?: string) => Promise<MailboxMessage[]>;
  /** Takes flags off a message (say, `\Seen` lost in a crash). */
  removeFlags: (uid: number, flags: string[], mailbox?: string) => Promise<void>;
  /** What Dovecot logged, for a failing test's message. */
  log: () => Promise<string>;
  stop: () => Promise<void>;
};

/** The user mail is stored as: root may not own mail in Dovecot, so it is `nobody` then. */
async function mailOwner(): Promise<{ name: string; group: string; uid: number; gid: number }> {
  const field = async (file: string, match: (f: string[]) => boolean, index: number) =>
    (await readFile(file, 'utf8').catch(() => ''))
      .split('\n')
      .map((line) => line.split(':'))
      .find(match)?.[index];
  const me = os.userInfo();
  const user =
    me.uid !== 0
      ? { name: me.username, uid: me.uid, gid: me.gid }
      : {
          name: 'nobody',
          uid: Number((await field('/etc/passwd', (f) => f[0] === 'nobody', 2)) ?? 65534),
          gid: Number((await field('/etc/passwd', (f) => f[0] === 'nobody', 3)) ?? 65534),
        };
  // Dovecot wants the group's name; the user's own group when it has none.
  const group = (await field('/etc/group', (f) => f[2] === String(user.gid), 0)) ?? user.name;
  return { ...user, group };
}

/**
 * A private, real Dovecot IMAP server for one test: its own folder (configuration, sockets,
 * state, log, maildir), one user with a plaintext password, plain IMAP on a free port of
 * 127.0.0.1 (no TLS), run in the foreground as a child process. Works as root (CI) and as an
 * ordinary user: every Dovecot process runs as that user, or as `nobody` under root (Dovecot
 * refuses root for its login processes and for mail), with no chroots.
 */
export async function startImapServer(options: { port?: number } = {}): Promise<ImapTestServer> {
  if (!existsSync(dovecotBinary))
    throw new Error(
      `Dovecot is not installed at ${dovecotBinary}: npm run setup:test, or apt-get install dovecot-imapd (or set WARD_DOVECOT)`,
    );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ward-imap-'));
  const owner = await mailOwner();
  const port = options.port ?? (await freePort());
  const host = '127.0.0.1';
  const user = 'ward-intake';
  const password = 'imap-test-password';
  for (const sub of ['run', 'state', 'mail']) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${password}:::::\n`, { mode: 0o644 });
  if (os.userInfo().uid === 0) {
    await chmod(dir, 0o711); // `nobody` reaches its maildir, and reads nothing else here
    await chown(path.join(dir, 'mail'), owner.uid, owner.gid);
  }
  const conf = path.join(dir, 'dovecot.conf');
  await writeFile(
    conf,
    `# A private Dovecot for one Ward test (test/support/imap-server.ts).
protocols = imap
listen = ${host}
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = ward-test-${path.basename(dir)}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${owner.name}
default_internal_group = ${owner.group}
default_login_user = ${owner.name}
first_valid_uid = 1
first_valid_gid = 1
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
mail_home = ${dir}/mail/%u
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = passwd-file
  args = ${dir}/users
}
service imap-login {
  chroot =
  inet_listener imap {
    address = ${host}
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );

  // setpriv (util-linux) has Linux stop Dovecot when the test process ends without stop(): a
  // crash, or a test worker that is killed rather than left to exit.
  const setpriv = '/usr/bin/setpriv';
  const command = existsSync(setpriv) ? [setpriv, '--pdeathsig', 'TERM', dovecotBinary] : [dovecotBinary];
  const child = spawn(command[0]!, [...command.slice(1), '-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = async () => `${output}${await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '')}`;

  // And the folder, when the process exits normally without stop().
  const onExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', onExit);

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForGreeting(host, port, exited, log);
  } catch (error) {
    await stop();
    throw error;
  }

  const withClient = async <T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => {});
    }
  };

  return {
    host,
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}`,
    log,
    stop,
    deliver: (raw, { mailbox = 'INBOX', flags = [] } = {}) =>
      withClient(async (client) => {
        const appended = await client.append(mailbox, raw, flags);
        if (!appended) throw new Error(`APPEND to ${mailbox} failed:\n${await log()}`);
        return appended.uid ?? 0;
      }),
    messages: (mailbox = 'INBOX') =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock(mailbox);
        try {
          const found: MailboxMessage[] = [];
          if (client.mailbox && client.mailbox.exists === 0) return found;
          for await (const m of client.fetch('1:*', { uid: true, flags: true, envelope: true }, { uid: true })) {
            found.push({
              uid: m.uid,
              flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
              subject: m.envelope?.subject ?? '',
            });
          }
          return found.sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      }),
    removeFlags: (uid, flags, mailbox = 'INBOX') =>
      withClient(async (client) => {
        const lock = await client.getMailboxLock(mailbox);
        try {
          await client.messageFlagsRemove(String(uid), flags, { uid: true });
        } finally {
          lock.release();
        }
      }),
  };
}

/** Resolves once the server answers with its IMAP greeting; fails if Dovecot exits or takes too long. */
async function waitForGreeting(
  host: string,
  port: number,
  exited: Promise<number | null>,
  log: () => Promise<string>,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`Dovecot exited while starting:\n${await log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(2000, () => done(false));
      socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('* OK')));
      socket.once('error', () => done(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Dovecot did not answer on ${host}:${port} in time:\n${await log()}`);
}
