/** Encoder notices land beside the field they are about. */
import { describe, expect, it } from 'vitest';
import { buildBasicCredentials } from '../../core/encoding';
import { groupNotices } from '../../renderer/notice-groups';

const codes = (list: readonly { code: string }[]): string[] => list.map((n) => n.code);

describe('groupNotices', () => {
  it('puts hygiene notices with their own field', () => {
    const out = buildBasicCredentials({ clientId: ' 0oa1\u200b ', clientSecret: '\ufeffsécret ', formEncode: false });
    const groups = groupNotices(out.notices);
    expect(codes(groups.clientId)).toEqual(expect.arrayContaining(['trimmed-whitespace', 'removed-zero-width']));
    expect(codes(groups.clientSecret)).toEqual(expect.arrayContaining(['removed-bom', 'trimmed-whitespace', 'non-ascii-utf8']));
    expect(codes(groups.clientId)).not.toContain('removed-bom');
    expect(codes(groups.clientSecret)).not.toContain('removed-zero-width');
  });

  it('puts field errors, hints and the split offer with the ID or secret, and the form note with its checkbox', () => {
    expect(codes(groupNotices(buildBasicCredentials({ clientId: 'a:b', clientSecret: 'x', formEncode: false }).notices).clientId)).toContain('colon-in-client-id');
    expect(codes(groupNotices(buildBasicCredentials({ clientId: 'a:b', clientSecret: '', formEncode: false }).notices).clientId)).toContain('id-secret-pasted-together');
    expect(codes(groupNotices(buildBasicCredentials({ clientId: 'a', clientSecret: '', formEncode: false }).notices).clientSecret)).toEqual(['empty-client-secret']);
    const form = groupNotices(buildBasicCredentials({ clientId: 'a', clientSecret: 'a+b', formEncode: false }).notices);
    expect(codes(form.formEncoding)).toEqual(['form-encoding-differs']);
    expect(codes(form.clientSecret)).not.toContain('form-encoding-differs');
  });

  it('loses no notice', () => {
    const out = buildBasicCredentials({ clientId: ' a:b\u2019 ', clientSecret: ' \u200bx+y\u00a0 ', formEncode: true });
    const groups = groupNotices(out.notices);
    expect(groups.clientId.length + groups.clientSecret.length + groups.formEncoding.length).toBe(out.notices.length);
  });
});
