/**
 * What the status line says after Forget everything. In the form logic chunk
 * (form-logic.ts): it is said after the forgetting, so the first paint need not carry it.
 */
import type { ForgetRequest } from '../electron/shared/ipc-contract';

export function forgetAnnouncement(reason: ForgetRequest['reason'], clipboardCleared: boolean): string {
  const base = reason === 'idle'
    ? 'Everything was forgotten after a period of inactivity.'
    : 'Everything forgotten: fields, outputs, results and the header check are empty.';
  return clipboardCleared ? `${base} The copied value was removed from the clipboard.` : base;
}
