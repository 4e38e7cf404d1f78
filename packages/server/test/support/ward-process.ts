import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const wardCli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/ward.ts');

/** Runs the `ward` command to completion and returns what it printed. */
export function runWard(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [wardCli, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `ward serve` and resolves with its log lines once it prints `untilLine`. */
export function startWardServe(
  env: Record<string, string>,
  untilLine: RegExp,
): Promise<{ child: ChildProcess; lines: string[]; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wardCli, 'serve'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`ward serve did not print ${untilLine} in time:\n${lines.join('\n')}`)),
      90_000,
    );
    const stop = () =>
      new Promise<number | null>((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (untilLine.test(line)) {
          clearTimeout(timer);
          resolve({ child, lines, stop });
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ward serve exited with ${code}:\n${lines.join('\n')}`));
    });
  });
}
