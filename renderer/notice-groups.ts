/**
 * Puts each encoder notice next to the field it is about. buildBasicCredentials
 * returns one list in field order; the codes (and, for the hygiene codes shared
 * by both fields, the field label core writes into the message) say which field.
 */
import type { Notice } from '../core/shared/notice';
import { FIELD_LABEL } from '../core/encoding/hygiene';

export interface NoticeGroups {
  readonly clientId: readonly Notice[];
  readonly clientSecret: readonly Notice[];
  /** The form-encoding note, shown under its checkbox. */
  readonly formEncoding: readonly Notice[];
}

const ID_CODES = new Set(['empty-client-id', 'colon-in-client-id', 'id-secret-pasted-together']);
const SECRET_CODES = new Set(['empty-client-secret']);
const FORM_CODES = new Set(['form-encoding-differs']);

export function groupNotices(notices: readonly Notice[]): NoticeGroups {
  const clientId: Notice[] = [];
  const clientSecret: Notice[] = [];
  const formEncoding: Notice[] = [];
  const secretLabel = `the ${FIELD_LABEL.clientSecret}`.toLowerCase();
  for (const n of notices) {
    if (FORM_CODES.has(n.code)) formEncoding.push(n);
    else if (ID_CODES.has(n.code)) clientId.push(n);
    else if (SECRET_CODES.has(n.code) || n.message.toLowerCase().includes(secretLabel)) clientSecret.push(n);
    else clientId.push(n);
  }
  return { clientId, clientSecret, formEncoding };
}
