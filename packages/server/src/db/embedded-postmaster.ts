import { existsSync, readFileSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The embedded PostgreSQL's server process as the data folder records it (`postmaster.pid`), and
 * which Ward process owns it (`postgres-owner.pid`): a server whose owner is gone (Ward was killed
 * with SIGKILL) is an orphan, which the next Ward adopts and stops cleanly in its turn.
 */
export type Postmaster = { pid: number; port: number };

const pidFileOf = (dataDir: string) => path.join(dataDir, 'postgres', 'postmaster.pid');
const ownerFileOf = (dataDir: string) => path.join(dataDir, 'postgres-owner.pid');

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when Ward runs as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server of this data folder, or null (none, or a stale pid file). */
export function runningPostmaster(dataDir: string): Postmaster | null {
  const file = pidFileOf(dataDir);
  if (!existsSync(file)) return null;
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const postmaster = { pid: Number(pidLine), port: Number(portLine) };
  return isAlive(postmaster.pid) ? postmaster : null;
}

/** Whether a live Ward process other than this one started (or adopted) the server. */
export function ownedByAnotherWard(dataDir: string): boolean {
  const file = ownerFileOf(dataDir);
  if (!existsSync(file)) return false;
  const owner = Number(readFileSync(file, 'utf8').trim());
  return owner !== process.pid && isAlive(owner);
}

export async function claimPostmaster(dataDir: string): Promise<void> {
  await writeFile(ownerFileOf(dataDir), String(process.pid), { mode: 0o600 });
}

export async function releasePostmaster(dataDir: string): Promise<void> {
  await unlink(ownerFileOf(dataDir)).catch(() => undefined);
}

/** A fast shutdown (SIGINT: sessions end, then a checkpoint), then an immediate one if it lingers. */
export async function stopPostmaster(pid: number, waitMs = 30_000): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGINT');
  const deadline = Date.now() + waitMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    signal('SIGQUIT');
    while (isAlive(pid)) await sleep(100);
  }
}

/**
 * Calls `onExit` once if the server process goes away while Ward still relies on it (an IT team's
 * immediate shutdown, a crash): Ward then stops with an error so that its supervisor starts it
 * again, and the next start recovers the database from its log. Checked every second.
 */
export function watchPostmaster(pid: number, onExit: () => void): { stop: () => void } {
  const timer = setInterval(() => {
    if (isAlive(pid)) return;
    clearInterval(timer);
    onExit();
  }, 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
