/**
 * What the form shows for the few milliseconds before its logic chunk
 * (form-logic.ts) has landed: exactly the logic's answer for the untouched
 * form, so nothing changes or moves when it lands (tests/renderer/form-pending.test.ts).
 */
import { EMPTY_CLIENT_ID_NOTICE, EMPTY_CLIENT_SECRET_NOTICE } from '../core/encoding/empty-notices';
import type { EncodeOutput } from '../core/encoding/types';
import type { FormState } from './form-state';
import type { NoticeGroups } from './notice-groups';
import type { Preview } from './test-settings';

/** The encoder's answer for two empty fields: the same hints. */
export const PENDING_ENCODE: EncodeOutput = {
  status: 'empty', value: null, header: null, clientId: '', clientSecret: '',
  notices: [EMPTY_CLIENT_ID_NOTICE, EMPTY_CLIENT_SECRET_NOTICE], formEncodingDiffers: false, splitSuggestion: null,
};
export const PENDING_GROUPS: NoticeGroups = { clientId: [EMPTY_CLIENT_ID_NOTICE], clientSecret: [EMPTY_CLIENT_SECRET_NOTICE], formEncoding: [] };
/** formState's answer for the empty form. */
export const FORM_PENDING: FormState = { encoded: PENDING_ENCODE, groups: PENDING_GROUPS, fixes: { clientId: [], clientSecret: [] }, encodedClientId: '',
  outputPlaceholder: 'Enter a client ID and a client secret',
};
export const PENDING_PREVIEW: Preview = { request: null, problem: null, notices: { target: [], server: [], scopes: [], credentials: [], general: [] } };
