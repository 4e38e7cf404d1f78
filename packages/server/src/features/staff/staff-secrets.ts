import { createHash, randomBytes } from 'node:crypto';

/** Session and invitation tokens are stored only as their SHA-256. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest();
export const newToken = () => randomBytes(32).toString('base64url');

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
export const argon2Options = { algorithm: 2 /* Argon2id */ as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
