/** Limits shared by the clients (to tell people early) and the server (to enforce them). */
export const limits = {
  messageBodyMaxChars: 4000,
  nameMaxChars: 100,
  emailMaxChars: 254,
  summaryMaxChars: 2000,
  surveyCommentMaxChars: 2000,
  /** Socket.IO refuses any frame larger than this outright. */
  realtimeFrameMaxBytes: 64 * 1024,
  httpBodyMaxBytes: 64 * 1024,
} as const;
