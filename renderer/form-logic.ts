/**
 * What the form works out from what is typed: the encoding, notices and fixes
 * (form-state.ts) and the request preview. Its own chunk (loaded by lazy-chunks.ts
 * right after the form's first commit), so the first paint is React and the
 * form only; the outputs fill in when it lands, a few milliseconds later, with
 * whatever has been typed by then. Whatever else nothing needs before the form
 * works comes here too: shortcut matching, the tabs' keys, the copy action and its
 * feedback text, the test-run plumbing, the pair notice, Forget's and a refused
 * paste's wording.
 */
export { buildPreview } from './request-preview';
export { formState } from './form-state';
export { forgetAnnouncement } from './forget-text';
export { tabKeyTarget } from './tab-keys';
export { RefusalNote } from './components/refusal-note';
export { sendLimitProblem } from './send-limits';
export { shortcutFor } from './shortcut-match';
export { tokenTestRequest } from './test-request';
export { CopyStatusText } from './components/copy-status-text';
export { copyThroughMain } from './copy-through-main';
export { cancelBridgeRun, startBridgeRun } from './bridge-run';
export { fixButtons, PairNotes } from './components/pair-notes';
