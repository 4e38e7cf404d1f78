import { z } from 'zod';
import type { Config } from '../config.ts';
import { createLogger, createServiceContext } from '../app.ts';
import { withDatabase } from './with-database.ts';
import { createInvitation } from '../features/staff/invitations.ts';
import { invitationUrl } from '../transport/http/staff.routes.ts';

export async function createAdminInvitation(config: Config, email: string | null): Promise<void> {
  if (email !== null && !z.email().safeParse(email).success) {
    throw new Error(`--email: "${email}" is not an email address`);
  }
  await withDatabase(config, async (db) => {
    const ctx = await createServiceContext(db, config, createLogger({ logLevel: 'silent' }));
    const invitation = await createInvitation(ctx, { email, role: 'admin', createdBy: null });
    console.log(
      `Open this link within 7 days to create the administrator account (it works once):\n${invitationUrl(config.publicUrl, invitation.token)}`,
    );
  });
}
