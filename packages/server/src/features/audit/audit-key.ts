import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import path from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { DbOrTx, Db } from '../../db/client.ts';
import { ConfigError } from '../../shared/config-error.ts';
import type { ChainHashes } from './audit-chain.rules.ts';

/** What the audit key gives (ADR 26): the chain's keyed hash, and the checkpoints' Ed25519 key pair. */
export type AuditKeys = {
  hashes: ChainHashes;
  /** Signs a checkpoint's payload (base64 signature). */
  sign: (payload: Uint8Array) => string;
  /** Checks a checkpoint's signature against the public key. */
  verify: (payload: Uint8Array, signature: string) => boolean;
  /** The checkpoints' public key (PEM, SPKI): an auditor checks signatures with it alone. */
  publicKeyPem: string;
};

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

// An Ed25519 private key as PKCS#8 DER is this fixed prefix followed by its 32-byte seed.
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * One secret, two uses kept apart by HKDF: the chain's HMAC key, and the seed of the Ed25519 key
 * pair that signs checkpoints. Nothing else needs backing up, and the public key can always be
 * given again.
 */
export function auditKeysFrom(key: Buffer): AuditKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
  const chainKey = derive('ward-audit-chain');
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, derive('ward-audit-checkpoint-ed25519')]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    hashes: { v1: sha256, v2: (data) => createHmac('sha256', chainKey).update(data).digest() },
    sign: (payload) => sign(null, payload, privateKey).toString('base64'),
    verify: (payload, signature) => {
      const bytes = Buffer.from(signature, 'base64');
      return bytes.length === 64 && verify(null, payload, publicKey, bytes);
    },
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

function parse(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new ConfigError(`${source}: the audit key must be 32 bytes, base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * The audit key comes from WARD_AUDIT_KEY or WARD_AUDIT_KEY_FILE. With neither, the one in the
 * data folder (`audit-key`, mode 0600), made on first start when `generate`: Ward with its
 * embedded database. With an external database every node must key the chain alike, so none is
 * made; and the audit commands never make one, since a new key would only fail every entry.
 */
export async function loadAuditKey(options: {
  auditKey: Buffer | null;
  auditKeyFile: string | null;
  dataDir: string;
  generate: boolean;
  /** With DATABASE_URL: say so when the key is missing. */
  externalDatabase?: boolean;
}): Promise<{ key: Buffer; generatedFile: string | null }> {
  if (options.auditKey) return { key: options.auditKey, generatedFile: null };
  if (options.auditKeyFile) {
    const text = await readFile(options.auditKeyFile, 'utf8').catch((error: Error) => {
      throw new ConfigError(`WARD_AUDIT_KEY_FILE: cannot read ${options.auditKeyFile} (${error.message})`);
    });
    return { key: parse(text, 'WARD_AUDIT_KEY_FILE'), generatedFile: null };
  }
  const file = path.join(options.dataDir, 'audit-key');
  if (!existsSync(file)) {
    if (options.generate && options.externalDatabase)
      throw new ConfigError(
        'WARD_AUDIT_KEY_FILE or WARD_AUDIT_KEY must be set when DATABASE_URL is: every Ward node needs the same audit key. See "Audit trail" in the README.',
      );
    if (!options.generate)
      throw new ConfigError(
        `no audit key: set WARD_AUDIT_KEY_FILE or WARD_AUDIT_KEY to the key Ward writes the audit trail with (or WARD_DATA_DIR to the data folder holding ${path.basename(file)}). See "Audit trail" in the README.`,
      );
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

/**
 * Carries the audit keys on a database handle, into every transaction opened from it, so that
 * `recordAudit(tx, …)` finds them without each of its callers handing them down. It changes no
 * query.
 */
class AuditKeyCarrier implements KyselyPlugin {
  readonly keys: AuditKeys;
  constructor(keys: AuditKeys) {
    this.keys = keys;
  }
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

/** The database handle Ward serves with, carrying the audit keys (app.ts, the `ward` commands). */
export function withAuditKeys(db: Db, keys: AuditKeys): Db {
  return db.withPlugin(new AuditKeyCarrier(keys));
}

/** The audit keys a handle (or a transaction opened from it) carries. */
export function auditKeysOf(db: DbOrTx): AuditKeys {
  const carrier = db.getExecutor().plugins.find((plugin) => plugin instanceof AuditKeyCarrier);
  if (!carrier) throw new Error('this database handle carries no audit key (open it with withAuditKeys)');
  return carrier.keys;
}
