import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import type { CaseChannel } from '../../db/schema.ts';
import { sealField } from '../crypto/subject-keys.ts';
import { newCaseReference } from './case-reference.ts';

export type NewCase = {
  organisationId: string;
  channel: CaseChannel;
  /** Not personal data: the platform, the form's id… */
  channelDetail?: string | null;
  topic: string;
  departmentId: string;
  /** The subject whose key seals the case's personal data: the record's, or the conversation's. */
  dataSubjectId: string;
  dataKey: Buffer;
  recordId?: string | null;
  conversationId?: string | null;
  ownerStaffId?: string | null;
  summary?: string | null;
  contactedAt?: Date;
  /** A staff id, or `system:<channel>`. */
  createdBy: string;
  /** Given when the case reference was already shown (a chat's); otherwise a new one is drawn. */
  caseReference?: string;
};

/**
 * Opens a case for one contact with a case reference unique in the organisation (ADR 5, 14),
 * in the caller's transaction. References are drawn at random; the rare clash is retried with
 * ON CONFLICT rather than an error, so the caller's transaction stays usable.
 */
export async function openCase(tx: Tx, input: NewCase): Promise<{ caseId: string; caseReference: string }> {
  const caseId = randomUUID();
  for (let attempt = 0; attempt < 8; attempt++) {
    const caseReference = input.caseReference ?? newCaseReference();
    const inserted = await tx
      .insertInto('cases')
      .values({
        id: caseId,
        organisation_id: input.organisationId,
        case_reference: caseReference,
        data_subject_id: input.dataSubjectId,
        record_id: input.recordId ?? null,
        conversation_id: input.conversationId ?? null,
        channel: input.channel,
        channel_detail: input.channelDetail ?? null,
        status: 'open',
        topic: input.topic,
        department_id: input.departmentId,
        owner_staff_id: input.ownerStaffId ?? null,
        summary: input.summary ? sealField(input.dataKey, 'cases', 'summary', caseId, input.summary) : null,
        contacted_at: input.contactedAt ?? new Date(),
        created_by: input.createdBy,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'case_reference']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { caseId, caseReference };
    if (input.caseReference) throw new CaseReferenceTaken(); // a reference already shown cannot be redrawn here
  }
  throw new CaseReferenceTaken();
}

/** The case reference is in use: the caller draws another and tries again. */
export class CaseReferenceTaken extends Error {
  override name = 'CaseReferenceTaken';
}
