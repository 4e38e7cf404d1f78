import type { ServiceContext } from '../../shared/service-context.ts';
import { departmentHours, type DepartmentHours } from './opening-hours.rules.ts';

/** Whether each topic's department is answering chats now, and when it next will (issue 11). */
export function topicAvailability(ctx: ServiceContext, now = new Date()): Map<string, DepartmentHours> {
  const { settings } = ctx.organisation;
  return new Map(
    settings.topics.map((topic) => [
      topic.id,
      departmentHours(settings.openingHours, settings.nation, topic.department, now),
    ]),
  );
}
