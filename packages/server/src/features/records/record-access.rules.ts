/**
 * Who sees what of customer records (ADR 14), pure. Administrators, and staff who list no
 * departments, see everything. An agent who works in some departments:
 * - sees the full cases (topic, summary) of those departments, and of other departments only
 *   the reference, channel, date, department and status;
 * - finds and opens a record when it has at least one case in one of their departments, or no
 *   case at all (a record just created, or whose contacts have all gone): a record known only to
 *   other departments is theirs to see, not this agent's.
 * Matching a chat is the exception: the agent handling the chat is shown likely records whatever
 * their departments (names and which identifiers agree only), so they do not create a duplicate.
 */
export type RecordViewer = { role: 'agent' | 'admin'; departments: readonly string[] };

export function seesEveryDepartment(viewer: RecordViewer): boolean {
  return viewer.role === 'admin' || viewer.departments.length === 0;
}

export function seesFullCase(viewer: RecordViewer, departmentId: string): boolean {
  return seesEveryDepartment(viewer) || viewer.departments.includes(departmentId);
}

/** `caseDepartments`: the department of every case of the record and of the records merged into it. */
export function canOpenRecord(viewer: RecordViewer, caseDepartments: readonly string[]): boolean {
  if (seesEveryDepartment(viewer) || caseDepartments.length === 0) return true;
  return caseDepartments.some((department) => viewer.departments.includes(department));
}
