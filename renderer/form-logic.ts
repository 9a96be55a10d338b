/**
 * What the form works out from what is typed: the encoder, the notice grouping
 * and the request preview. Its own chunk (loaded by lazy-panels.tsx as soon as
 * the first-paint script runs), so the first paint is React and the form only;
 * the outputs fill in when it lands, a few milliseconds later, with whatever
 * has been typed by then.
 */
export { buildBasicCredentials } from '../core/encoding/basic-credentials';
export { formUrlEncode } from '../core/encoding/form-urlencode';
export { groupNotices } from './notice-groups';
export { buildPreview } from './request-preview';
export { fixesFor } from './field-fixes';
export { sendLimitProblem } from './send-limits';
