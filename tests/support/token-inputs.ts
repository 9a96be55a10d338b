/**
 * The usual token test the suites start from: client_secret_basic against the
 * default authorization server for api:read, no form-encoding. Each suite names
 * its own target, client, secret and timeout; `fields` may change anything else.
 */
import type { TokenTestInput } from '../../core/okta/types';

export type BasicTestFields = Pick<TokenTestInput, 'target' | 'clientId' | 'clientSecret' | 'timeoutMs'> & Partial<TokenTestInput>;

export function basicTestInput(fields: BasicTestFields): TokenTestInput {
  const { target, clientId, clientSecret, timeoutMs, ...others } = fields;
  return {
    target,
    authServer: { kind: 'default' },
    clientId,
    clientSecret,
    scopes: ['api:read'],
    authMethod: 'client_secret_basic',
    formEncode: false,
    timeoutMs,
    ...others,
  };
}
