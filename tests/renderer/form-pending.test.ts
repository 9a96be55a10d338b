/**
 * What the form shows before its logic chunk lands must be exactly what the
 * logic shows for the empty form, or the page would change (and move) when it
 * lands.
 */
import { describe, expect, it } from 'vitest';
import { buildBasicCredentials } from '../../core/encoding';
import { FORM_PENDING, PENDING_ENCODE, PENDING_GROUPS, PENDING_PREVIEW } from '../../renderer/form-pending';
import { formState } from '../../renderer/form-state';
import { groupNotices } from '../../renderer/notice-groups';
import { buildPreview } from '../../renderer/request-preview';
import { INITIAL_SETTINGS } from '../../renderer/test-settings';

describe('the pending state', () => {
  it('equals the encoder and notice grouping for two empty fields', () => {
    const empty = buildBasicCredentials({ clientId: '', clientSecret: '', formEncode: false });
    expect(PENDING_ENCODE).toEqual(empty);
    expect(PENDING_GROUPS).toEqual(groupNotices(empty.notices));
    expect(FORM_PENDING).toEqual(formState({ clientId: '', clientSecret: '', formEncode: false }));
  });

  it('shows no request and no problem, as the preview does for the untouched form', () => {
    const preview = buildPreview(INITIAL_SETTINGS, '', '', false);
    expect(PENDING_PREVIEW.request).toBeNull();
    expect(preview.request).toBeNull();
    // The untouched form's problem (no domain yet) is a hint the panel shows only after a test attempt.
    expect(preview.problem?.code).toBe('empty-target');
    expect(PENDING_PREVIEW.notices).toEqual(preview.notices);
  });
});
