import { isIP } from 'node:net';
import { z } from 'zod';

/** Value shapes the configuration (config.ts and its parts) reads environment variables with. */
export const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const mebibytes = (max: number) =>
  z.coerce
    .number()
    .int()
    .min(1024, 'must be at least 1024 bytes')
    .max(max * 1024 * 1024, `must be at most ${max} MiB`);
const ipOrCidr = (value: string) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(value) && isIP(value.split('/')[0] ?? '') !== 0;
export const commaList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
/** Addresses or CIDR ranges separated by commas (`none`: an empty list, where `allowNone`). */
export const addressRanges = (allowNone: boolean) =>
  z
    .string()
    .transform((v) => (allowNone && v === 'none' ? [] : commaList(v)))
    .refine(
      (list) => list.every(ipOrCidr),
      `must be IP addresses or CIDR ranges separated by commas, like 10.0.0.0/8${allowNone ? ', or none' : ''}`,
    );

export function describeIssues(prefix: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${prefix}${issue.path.join('.')}: ${issue.message}`).join('\n');
}
