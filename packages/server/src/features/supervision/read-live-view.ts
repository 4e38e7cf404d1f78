import type { LiveView } from '@ward/protocol';
import { AppError } from '../../shared/app-error.ts';
import type { ServiceContext, StaffPrincipal } from '../../shared/service-context.ts';
import { wallboardScopeOf } from '../access/access.rules.ts';
import { staffScopeOf } from '../access/staff-scope.ts';
import { departmentLabel } from '../cases/department-labels.ts';
import { waitingQueue } from '../conversations/read-conversations.ts';
import type { ConnectedStaff } from '../reports/read-wallboard.ts';
import { currentRouting } from '../routing/current-routing.ts';
import { countActiveChatsOf, listLiveChats, listStaffOfDepartments } from './supervision.repository.ts';
import { agentLoads, departmentQueues } from './supervision.rules.ts';

/**
 * A supervisor's live view (issue 11): their departments' queues, the staff who answer chats there
 * with their status and load (ADR 39), and the live chats they may open. Administrators see the whole council. The
 * same people as the wallboard (ADR 36), who may also watch live chats (access.rules.ts).
 */
export async function readLiveView(
  ctx: ServiceContext,
  staff: StaffPrincipal,
  connectedStaff: ConnectedStaff,
  now = new Date(),
): Promise<LiveView> {
  const scope = wallboardScopeOf(await staffScopeOf(ctx.db, staff));
  if (!scope) throw new AppError('forbidden', 'The live view is for supervisors and administrators');
  const organisationId = staff.organisationId;
  const departments = scope.kind === 'departments' ? scope.departments : null;
  const [waiting, chats, team, connected] = await Promise.all([
    waitingQueue(ctx, organisationId, departments),
    listLiveChats(ctx.db, organisationId, departments),
    listStaffOfDepartments(ctx.db, organisationId, departments),
    connectedStaff(organisationId, departments),
  ]);
  const loads = await countActiveChatsOf(
    ctx.db,
    organisationId,
    team.map((member) => member.id),
  );
  const label = departmentLabel(ctx);
  const { settings } = ctx.organisation;
  const shown = settings.departments.filter((d) => !departments || departments.includes(d.id));
  return {
    asOf: now.toISOString(),
    departments: departmentQueues(
      shown,
      waiting.map((item) => ({ departmentId: item.departmentId, waitingSince: new Date(item.waitingSince) })),
      now,
    ),
    agents: agentLoads(team, {
      connectedIds: new Set(connected.map((member) => member.staffId)),
      activeChats: loads,
      routing: await currentRouting(ctx),
      departments: settings.departments,
      shown: departments,
    }),
    chats: chats.map((chat) => ({
      conversationId: chat.id,
      caseReference: chat.case_reference,
      topicLabel: chat.topic_label,
      departmentLabel: label(chat.department_id),
      agentStaffId: chat.assigned_staff_id,
      agentName: chat.first_name === null ? null : `${chat.first_name} ${chat.last_name ?? ''}`.trim(),
      acceptedAt: chat.accepted_at?.toISOString() ?? null,
    })),
  };
}
