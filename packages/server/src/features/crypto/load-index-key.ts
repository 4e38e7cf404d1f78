import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ConfigError } from '../../shared/config-error.ts';

function parse(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new ConfigError(`${source}: the blind-index key must be 32 bytes, base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * The blind-index key (ADR 13) comes from WARD_INDEX_KEY or WARD_INDEX_KEY_FILE. With neither,
 * one is made once in the data folder (mode 0600), like the KEK. It is a different key from the
 * KEKs: it is never rotated by `ward keys rotate` (changing it means re-indexing).
 */
export async function loadIndexKey(options: {
  indexKey: Buffer | null;
  indexKeyFile: string | null;
  dataDir: string;
  /** With an external database every node must compute the same digests: the key cannot be made locally. */
  mustBeConfigured: boolean;
}): Promise<{ key: Buffer; generatedFile: string | null }> {
  if (options.indexKey) return { key: options.indexKey, generatedFile: null };
  if (options.indexKeyFile) {
    const text = await readFile(options.indexKeyFile, 'utf8').catch((error: Error) => {
      throw new ConfigError(`WARD_INDEX_KEY_FILE: cannot read ${options.indexKeyFile} (${error.message})`);
    });
    return { key: parse(text, 'WARD_INDEX_KEY_FILE'), generatedFile: null };
  }
  if (options.mustBeConfigured) {
    throw new ConfigError(
      'WARD_INDEX_KEY_FILE or WARD_INDEX_KEY must be set when DATABASE_URL is: every Ward node needs the same blind-index key. See "Keys" in the README.',
    );
  }
  const file = path.join(options.dataDir, 'blind-index-key');
  if (!existsSync(file)) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error; // another process made it first
      },
    );
  }
  await chmod(file, 0o600);
  return { key: parse(await readFile(file, 'utf8'), file), generatedFile: file };
}
