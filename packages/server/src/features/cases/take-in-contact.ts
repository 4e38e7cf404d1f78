import { textIn } from '@ward/protocol';
import type { IntakeResponse } from '@ward/protocol';
import type { Tx } from '../../db/client.ts';
import type { CaseChannel } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { recordAudit, staffActor, systemActor, type AuditActor, type AuditEntry } from '../audit/record-audit.ts';
import { normalisePhone } from '../crypto/blind-index.rules.ts';
import { refuseWhileRestricted } from '../access/processing-restriction.ts';
import { linkIntakeToRecord } from '../records/link-intake-to-record.ts';
import { currentRecord } from '../records/records.repository.ts';
import { currentDetailsOfKind, insertRecordDetail } from '../records/record-details.repository.ts';
import type { RecordDetailValue } from '../records/record-details.rules.ts';
import { redactFor } from '../redaction/redaction.rules.ts';
import { canActOnCase, encodeDetail } from './case-access.rules.ts';
import { findCaseByReference, insertCaseEntry, insertCaseLink } from './cases.repository.ts';
import { openCase } from './open-case.ts';
import { caseActorOf } from './case-actor.ts';
import { caseAuditEntry } from './case-audit.ts';

/** Who brings a contact in: a member of staff (console), or another council system with an API key. */
export type IntakeCaller = { kind: 'staff'; staff: StaffPrincipal } | { kind: 'api-key'; apiKey: { id: string } };

export type IntakeContact = {
  channel: Extract<CaseChannel, 'social-media' | 'phone' | 'face-to-face'>;
  channelDetail: string | null;
  contactedAt: Date;
  topic?: string | undefined;
  departmentId?: string | undefined;
  caseReference?: string | undefined;
  recordId?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  handle?: { platform: string; handle: string };
  /** The resident's request as it arrived (social media): a sealed `request` entry. */
  request?: string;
  /** What staff wrote about the contact (phone, face to face): the case summary. */
  summary?: string;
};

/**
 * Brings one contact into Ward in one transaction (ADR 14): finds or creates the resident's
 * record (linkIntakeToRecord: the quoted case's record, or the only one with that email, or a new
 * one), opens a case on it with a new reference, stores the request or summary redacted (ADR 9)
 * and sealed (ADR 10), links the case the resident quoted, and audits it all. Anything invalid
 * is refused before a row is written, and a failure later rolls everything back.
 */
export async function takeInContact(
  ctx: ServiceContext,
  caller: IntakeCaller,
  contact: IntakeContact,
): Promise<IntakeResponse> {
  const { settings } = ctx.organisation;
  const topic = contact.topic === undefined ? undefined : settings.topics.find((t) => t.id === contact.topic);
  if (contact.topic !== undefined && !topic) throw new AppError('bad_request', 'Choose one of the council’s topics');
  const departmentId = contact.departmentId ?? topic?.department;
  const department = settings.departments.find((d) => d.id === departmentId);
  if (!department)
    throw new AppError(
      'bad_request',
      contact.departmentId ? 'Choose one of the council’s departments' : 'Choose a department or a topic',
    );
  const phone = contact.phone ? normalisePhone(contact.phone) : null;
  if (contact.phone && !phone)
    throw new AppError('bad_request', 'Enter a UK phone number, like 01632 960 001 or 07700 900 982');
  const createdBy = caller.kind === 'staff' ? caller.staff.id : `api-key:${caller.apiKey.id}`;
  const actor: AuditActor = caller.kind === 'staff' ? staffActor(caller.staff) : systemActor;
  const reason = caller.kind === 'api-key' ? `api-key ${caller.apiKey.id}` : null;

  const result = await ctx.db.transaction().execute(async (tx) => {
    const quoted = contact.caseReference
      ? await findCaseByReference(tx, ctx.organisation.id, contact.caseReference)
      : undefined;
    if (contact.caseReference && !quoted) throw new AppError('bad_request', 'No case has the case reference given');
    const chosen = contact.recordId ? await currentRecord(tx, ctx.organisation.id, contact.recordId) : null;
    if (contact.recordId && !chosen) throw notFound('The record');
    if (chosen)
      await refuseWhileRestricted(
        tx,
        ctx.organisation.id,
        [chosen.data_subject_id],
        'no new contact can be added to it',
      );
    const details: RecordDetailValue[] = [
      ...(contact.name ? [{ kind: 'name' as const, name: contact.name }] : []),
      ...(contact.email ? [{ kind: 'email' as const, address: contact.email }] : []),
      ...(phone ? [{ kind: 'phone' as const, number: phone, label: null }] : []),
      ...(contact.handle ? [{ kind: 'social-handle' as const, ...contact.handle }] : []),
    ];
    const record = await linkIntakeToRecord(tx, ctx, {
      quotedRecordId: contact.recordId ?? quoted?.record_id ?? null,
      email: contact.email ?? null,
      details,
      createdBy,
    });
    const handleAdded =
      !record.created && contact.handle ? await addHandleIfNew(tx, ctx, record, contact.handle, createdBy) : false;

    // Staff logging a contact of their own department own it; otherwise the department picks it up.
    const owner =
      caller.kind === 'staff' && canActOnCase(await caseActorOf(tx, caller.staff), department.id)
        ? caller.staff.id
        : null;
    const summary = contact.summary ? redactFor(settings, contact.summary).text : null;
    const opened = await openCase(tx, {
      organisationId: ctx.organisation.id,
      channel: contact.channel,
      channelDetail: contact.channelDetail,
      topic: topic ? textIn(topic.label, 'en') : department.label,
      departmentId: department.id,
      dataSubjectId: record.dataSubjectId,
      dataKey: record.dataKey,
      recordId: record.recordId,
      ownerStaffId: owner,
      summary,
      contactedAt: contact.contactedAt,
      createdBy,
    });
    const entry = {
      organisationId: ctx.organisation.id,
      caseId: opened.caseId,
      authorStaffId: caller.kind === 'staff' ? caller.staff.id : null,
    };
    if (contact.request) {
      await insertCaseEntry(tx, {
        ...entry,
        kind: 'request',
        text: { key: record.dataKey, value: redactFor(settings, contact.request).text },
      });
    }
    const audit: AuditEntry[] = [];
    if (
      quoted &&
      (await insertCaseLink(
        tx,
        ctx.organisation.id,
        opened.caseId,
        quoted.id,
        caller.kind === 'staff' ? caller.staff.id : null,
      ))
    ) {
      await insertCaseEntry(tx, {
        ...entry,
        kind: 'link',
        detail: encodeDetail({ action: 'linked', caseId: quoted.id, caseReference: quoted.case_reference }),
      });
      await insertCaseEntry(tx, {
        ...entry,
        caseId: quoted.id,
        kind: 'link',
        detail: encodeDetail({ action: 'linked', caseId: opened.caseId, caseReference: opened.caseReference }),
      });
      audit.push(caseAuditEntry(quoted, { actor, action: 'update', fields: ['case_links'], reason }));
    }
    const newCase = {
      id: opened.caseId,
      organisation_id: ctx.organisation.id,
      data_subject_id: record.dataSubjectId,
      case_reference: opened.caseReference,
    };
    audit.unshift(
      caseAuditEntry(newCase, {
        actor,
        action: 'create',
        fields: contact.request ? ['case_entries.body'] : ['summary'],
        reason,
      }),
    );
    audit.push({
      organisationId: ctx.organisation.id,
      actor,
      action: record.created ? 'create' : 'update',
      purpose: 'review-contact',
      recordType: 'customer-record',
      recordId: record.recordId,
      dataSubjectId: record.dataSubjectId,
      caseReference: opened.caseReference,
      fields: record.created
        ? [...new Set(details.map((d) => `record_details.${d.kind}`))]
        : handleAdded
          ? ['cases', 'record_details.social-handle']
          : ['cases'],
      reason,
    });
    await recordAudit(tx, audit);
    return {
      caseId: opened.caseId,
      caseReference: opened.caseReference,
      recordId: record.recordId,
      recordCreated: record.created,
      departmentId: department.id,
      ownerStaffId: owner,
    };
  });
  ctx.events.publish('case.changed', {
    organisationId: ctx.organisation.id,
    caseId: result.caseId,
    departmentId: result.departmentId,
    ownerStaffId: result.ownerStaffId,
    status: { from: null, to: 'open' },
  });
  return {
    caseId: result.caseId,
    caseReference: result.caseReference,
    recordId: result.recordId,
    recordCreated: result.recordCreated,
  };
}

/** An existing record gains the handle the request came from, unless it already has it. */
async function addHandleIfNew(
  tx: Tx,
  ctx: ServiceContext,
  record: { recordId: string; dataSubjectId: string; dataKey: Buffer },
  handle: { platform: string; handle: string },
  createdBy: string,
): Promise<boolean> {
  const handles = await currentDetailsOfKind(tx, record.dataKey, record.recordId, 'social-handle');
  const same = (value: RecordDetailValue | null) =>
    value?.kind === 'social-handle' &&
    value.platform === handle.platform &&
    value.handle.toLowerCase() === handle.handle.toLowerCase();
  if (handles.some(same)) return false;
  await insertRecordDetail(tx, ctx.indexKey, record.dataKey, {
    organisationId: ctx.organisation.id,
    recordId: record.recordId,
    dataSubjectId: record.dataSubjectId,
    value: { kind: 'social-handle', ...handle },
    createdBy,
  });
  return true;
}
