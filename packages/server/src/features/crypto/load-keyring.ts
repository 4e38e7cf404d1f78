import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../shared/config-error.ts';
import { Keyring } from './keyring.ts';

const KeyFile = z.object({
  keys: z
    .array(
      z.object({
        id: z.string().regex(/^[\w.-]{1,64}$/),
        key: z.base64().refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes, base64'),
      }),
    )
    .min(1),
});

/** `id:base64key,id:base64key` (newest first) from WARD_KEK, or a key file. */
function parse(text: string, source: string): Keyring {
  let data: unknown;
  try {
    data = text.trim().startsWith('{')
      ? JSON.parse(text)
      : {
          keys: text.split(',').map((part) => {
            const [id = '', key = ''] = part.trim().split(':');
            return { id, key };
          }),
        };
  } catch (error) {
    throw new ConfigError(`${source}: cannot read the key-encryption keys (${(error as Error).message})`);
  }
  const parsed = KeyFile.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(
      `${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return new Keyring(parsed.data.keys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })));
}

/**
 * The key-encryption keys come from WARD_KEK or WARD_KEK_FILE. With neither, a key is made once
 * in the data folder (mode 0600) so the embedded default works out of the box; production
 * should hold the key somewhere else, and the caller's log says so.
 */
export async function loadKeyring(options: {
  kek: string | null;
  kekFile: string | null;
  dataDir: string;
  /** With an external database every node must share the keys: they cannot be made locally. */
  mustBeConfigured: boolean;
}): Promise<{ keyring: Keyring; generatedFile: string | null }> {
  if (options.kek) return { keyring: parse(options.kek, 'WARD_KEK'), generatedFile: null };
  if (options.kekFile) {
    const text = await readFile(options.kekFile, 'utf8').catch((error: Error) => {
      throw new ConfigError(`WARD_KEK_FILE: cannot read ${options.kekFile} (${error.message})`);
    });
    return { keyring: parse(text, 'WARD_KEK_FILE'), generatedFile: null };
  }
  if (options.mustBeConfigured) {
    throw new ConfigError(
      'WARD_KEK_FILE or WARD_KEK must be set when DATABASE_URL is: every Ward node needs the same key-encryption keys. See "Keys" in the README.',
    );
  }
  const file = path.join(options.dataDir, 'key-encryption-keys.json');
  if (!existsSync(file)) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const id = `kek-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
    await writeFile(file, JSON.stringify({ keys: [{ id, key: randomBytes(32).toString('base64') }] }, null, 2), {
      mode: 0o600,
      flag: 'wx',
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // another process made it first
    });
  }
  await chmod(file, 0o600);
  return { keyring: parse(await readFile(file, 'utf8'), file), generatedFile: file };
}
