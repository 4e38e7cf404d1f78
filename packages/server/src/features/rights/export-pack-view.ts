import type { ExportPackView } from '@ward/protocol';
import type { ServiceContext } from '../../shared/service-context.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ExportPackRow } from './export-packs.repository.ts';

/** What the export verbs need beyond the service context (from the configuration, via app.ts). */
export type ExportDelivery = {
  /** How long a pack and its link work, and how many downloads a link allows. */
  linkDays: number;
  linkDownloads: number;
  /** Where residents reach Ward: the link is `<publicUrl>/rights/packs/<token>`. */
  publicUrl: string;
  mailer: Mailer;
};

export type ExportContext = { ctx: ServiceContext; delivery: ExportDelivery };

export const dayMs = 24 * 60 * 60 * 1000;

/** A pack as the console shows it: sizes, dates and the link's state; no personal data. */
export function toPackView(pack: ExportPackRow, now: Date, counts?: Record<string, number>): ExportPackView {
  return {
    id: pack.id,
    builtAt: pack.builtAt.toISOString(),
    expiresAt: pack.expiresAt.toISOString(),
    size: pack.size,
    sha256: pack.sha256,
    files: pack.files,
    available: pack.available && pack.expiresAt.getTime() > now.getTime(),
    link: pack.linkSentAt
      ? { sentAt: pack.linkSentAt.toISOString(), downloadsLeft: pack.linkDownloadsLeft ?? 0 }
      : null,
    ...(counts ? { counts } : {}),
  };
}

/** The file name a pack downloads as: no personal data, only the date and the pack's first characters. */
export const packFileName = (pack: Pick<ExportPackRow, 'id' | 'builtAt'>) =>
  `export-pack-${pack.builtAt.toISOString().slice(0, 10)}-${pack.id.slice(0, 8)}.zip`;
