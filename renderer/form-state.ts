/**
 * What the credential form shows for what is typed: the encoding, its notices by
 * field, the fixes on offer and the client ID as sent. In the form logic chunk
 * (form-logic.ts), so the first paint carries none of it; until it lands the
 * workspace shows FORM_PENDING (form-pending.ts), the same answer for the empty form.
 */
import { buildBasicCredentials } from '../core/encoding/basic-credentials';
import { formUrlEncode } from '../core/encoding/form-urlencode';
import type { EncodeInput, EncodeOutput } from '../core/encoding/types';
import { fixesFor, type FieldFix } from './field-fixes';
import { groupNotices, type NoticeGroups } from './notice-groups';

export interface FormState {
  readonly encoded: EncodeOutput;
  readonly groups: NoticeGroups;
  readonly fixes: { readonly clientId: readonly FieldFix[]; readonly clientSecret: readonly FieldFix[] };
  /** The client ID as it goes into the header (form-encoded when asked). */
  readonly encodedClientId: string;
  /** What the outputs show while there is no value. */
  readonly outputPlaceholder: string;
}

function safeEncode(input: EncodeInput): EncodeOutput {
  try {
    return buildBasicCredentials(input);
  } catch {
    // core never throws by contract; if it ever does, the fields must survive.
    return {
      status: 'invalid', value: null, header: null, clientId: '', clientSecret: '', formEncodingDiffers: false, splitSuggestion: null,
      notices: [{ code: 'unreadable', severity: 'error', message: 'This input could not be encoded. Check both fields for stray characters.' }],
    };
  }
}

export function formState(input: EncodeInput): FormState {
  const encoded = safeEncode(input);
  const groups = groupNotices(encoded.notices);
  return {
    encoded,
    groups,
    fixes: { clientId: fixesFor(groups.clientId, input.clientId), clientSecret: fixesFor(groups.clientSecret, input.clientSecret) },
    encodedClientId: input.formEncode ? formUrlEncode(encoded.clientId) : encoded.clientId,
    outputPlaceholder: encoded.status === 'invalid' ? 'Fix the problem marked above' : 'Enter a client ID and a client secret',
  };
}
