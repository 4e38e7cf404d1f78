import type { ServiceContext } from '../../shared/service-context.ts';

/** A department's label from the organisation's settings (its id when it is no longer configured). */
export function departmentLabel(ctx: ServiceContext): (id: string) => string {
  const labels = new Map(ctx.organisation.settings.departments.map((d) => [d.id, d.label]));
  return (id) => labels.get(id) ?? id;
}
