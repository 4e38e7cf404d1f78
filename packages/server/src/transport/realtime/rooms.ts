/** Socket.IO rooms; with the Redis adapter they span every node. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const staffRoom = (staffId: string) => `staff:${staffId}`;
/**
 * Case updates (`case:changed`) and the waiting queue (`queue`): agents who work in listed
 * departments join one room each; agents with none listed (they work in every department) and
 * administrators join the organisation's every-department room instead, so a department added to
 * the settings later needs no re-join. Joined on connect: what someone hears follows a change of
 * their departments from their next connection (what they may open follows it at once).
 */
export const departmentRoom = (organisationId: string, departmentId: string) =>
  `department:${organisationId}:${departmentId}`;
export const everyDepartmentRoom = (organisationId: string) => `departments:${organisationId}:all`;
/** Supervisors and administrators: `wallboard:changed` hints (no data), so their wallboards re-read. */
export const wallboardRoom = (organisationId: string) => `wallboard:${organisationId}`;
/**
 * Supervisors watching a live chat read-only (issue 11): they hear its messages and changes, but
 * are not in its conversation room, so nothing they do (typing) reaches the resident.
 */
export const watchRoom = (conversationId: string) => `watch:${conversationId}`;
