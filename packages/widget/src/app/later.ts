/**
 * What a resident needs only after opening the chat (ADR 49), one chunk fetched when a chat starts
 * (End chat's confirm step, then transcript, opt-ins, survey and confirmation) or, before, when the
 * council's pre-chat questions include a type other than text and radios (their controls and checks).
 */
// The app's own modules (all reached from boot.tsx) are imported here too so that esbuild, which puts
// a module in a chunk by the set of chunks importing it, keeps the whole app in one file with this
// chunk importing from it: otherwise the app splits in two and opening the chat costs 1 KB more gzipped.
import './boot.tsx';

export { questionTypeChecks } from '@ward/protocol/pre-chat-question-types';
export { Confirmation } from './confirmation.tsx';
export { EndChatConfirm } from './end-chat-confirm.tsx';
export { PostChatForm } from './post-chat-form.tsx';
export { QuestionControl } from './question-controls.tsx';
