import { z } from 'zod';
import type { Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { createDb } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DomainEventBus } from '../shared/domain-events.ts';
import { ensureOrganisation } from '../features/organisations/ensure-organisation.ts';
import { createInvitation } from '../features/staff/staff.service.ts';
import { MessageAppender } from '../features/conversations/message-appender.ts';
import { invitationUrl } from '../transport/http/staff.routes.ts';

export async function createAdminInvitation(config: Config, email: string | null): Promise<void> {
  if (email !== null && !z.email().safeParse(email).success) {
    throw new Error(`--email: "${email}" is not an email address`);
  }
  const database = await connectDatabase(config, () => {});
  const { db } = createDb(database.connectionString, 2);
  try {
    await migrateToLatest(db);
    const organisation = await ensureOrganisation(db, config.organisation);
    const ctx = { db, events: new DomainEventBus(), organisation, messageAppender: new MessageAppender(db) };
    const invitation = await createInvitation(ctx, { email, role: 'admin', createdBy: null });
    console.log(`Open this link within 7 days to create the administrator account (it works once):\n${invitationUrl(config.publicUrl, invitation.token)}`);
  } finally {
    await db.destroy();
    await database.stop();
  }
}
