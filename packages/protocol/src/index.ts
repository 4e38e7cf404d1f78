export * from './errors.ts';
export * from './case-reference.ts';
export * from './limits.ts';
export * from './chat.ts';
export * from './redaction.ts';
export * from './realtime.ts';
export * from './staff.ts';
export * from './retention.ts';
