import type { Department } from '@ward/protocol';
import type { FieldErrors } from '../../ui/validation.ts';

export type DepartmentsField = 'departments';

/** What the staff table says about someone's departments: none listed means every department (ADR 14). */
export function describeDepartments(
  ids: readonly string[],
  departments: readonly Department[],
  allDepartments = 'All departments',
): string {
  if (ids.length === 0) return allDepartments;
  const labels = new Map(departments.map((d) => [d.id, d.label]));
  const known = departments.filter((d) => ids.includes(d.id)).map((d) => d.label);
  // A department no longer in the council's settings is still shown, by its id, so nothing is hidden.
  const unknown = ids.filter((id) => !labels.has(id));
  return [...known, ...unknown].join(', ');
}

/** The selection after ticking or unticking one box, in the order of the council's departments. */
export function toggleDepartment(
  selected: readonly string[],
  id: string,
  checked: boolean,
  departments: readonly Department[],
): string[] {
  const next = new Set(selected);
  if (checked) next.add(id);
  else next.delete(id);
  return departments.map((d) => d.id).filter((departmentId) => next.has(departmentId));
}

/** The boxes to tick at first: someone's departments that the council still has. */
export function initialSelection(ids: readonly string[], departments: readonly Department[]): string[] {
  return departments.map((d) => d.id).filter((id) => ids.includes(id));
}

/** Every ticked department must be one of the council's (the server checks again). */
export function validateDepartments(
  selected: readonly string[],
  departments: readonly Department[],
  says = { fromTheList: 'Select departments from the list', eachOnce: 'Select each department once' },
): FieldErrors<DepartmentsField> {
  const known = new Set(departments.map((d) => d.id));
  if (selected.some((id) => !known.has(id))) return { departments: says.fromTheList };
  if (new Set(selected).size !== selected.length) return { departments: says.eachOnce };
  return {};
}
