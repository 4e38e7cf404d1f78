/** Socket.IO rooms; with the Redis adapter they span every node. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const organisationRoom = (organisationId: string) => `organisation:${organisationId}`;
export const staffRoom = (staffId: string) => `staff:${staffId}`;
