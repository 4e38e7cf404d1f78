import { textIn } from '@ward/protocol';
import type { SurveyComments, SurveyCommentsQuery } from '@ward/protocol';
import type { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { mayFilterReport, reportScopeOf } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { conversationEntry, recordAudit, staffActor } from '../audit/record-audit.ts';
import { reportInstants } from './report-periods.rules.ts';
import { surveyCommentsBetween } from './survey-comments.repository.ts';
import { londonDateOf } from '../../shared/london-calendar.rules.ts';

/** How many comments one read shows: enough for a month of a department, small enough to read. */
export const surveyCommentsLimit = 200;

/**
 * Survey comments for a report (ADR 44): the residents' own words, so only supervisors (their
 * departments' chats) and administrators read them, in the console; each comment read is audited
 * like any read of a chat's personal data. Agents see their figures, not comments; no API key reads them.
 */
export async function readSurveyComments(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  query: z.output<typeof SurveyCommentsQuery>,
): Promise<SurveyComments> {
  const { settings } = ctx.organisation;
  const comments = await ctx.db.transaction().execute(async (tx) => {
    const scope = reportScopeOf(await staffScopeOf(tx, staff));
    if (!scope || scope.kind === 'own')
      throw new AppError('forbidden', 'Survey comments are for supervisors and administrators');
    if (!mayFilterReport(scope, { departmentId: query.departmentId }))
      throw new AppError('forbidden', 'You can see your departments’ comments only');
    const { start, end } = reportInstants(query.from, query.to);
    const departments = query.departmentId
      ? [query.departmentId]
      : scope.kind === 'departments'
        ? scope.departments
        : null;
    const rows = await surveyCommentsBetween(tx, ctx.keyring, {
      organisationId: ctx.organisation.id,
      start,
      end,
      departments,
      limit: surveyCommentsLimit,
    });
    if (rows.length > 0)
      await recordAudit(
        tx,
        rows.map((row) =>
          conversationEntry(row, {
            actor: staffActor(staff),
            action: 'read',
            purpose: 'review-contact',
            fields: ['survey_comment'],
          }),
        ),
      );
    return rows;
  });
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: query.from,
    to: query.to,
    limit: surveyCommentsLimit,
    comments: comments.map((row) => {
      const date = londonDateOf(row.ended_at);
      return {
        day: `${date.year}-${pad(date.month)}-${pad(date.day)}`,
        department: settings.departments.find((d) => d.id === row.department_id)?.label ?? 'No department',
        topic: textIn(settings.topics.find((t) => t.id === row.topic_id)?.label ?? row.topic_id, 'en'),
        rating: row.rating,
        comment: row.comment,
      };
    }),
  };
}
