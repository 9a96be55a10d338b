import type { ReactElement } from 'react';
import type { TokenDetails } from '../../core/okta/types';
import type { CopyFeedback } from '../hooks/use-copy';
import { useNow } from '../hooks/use-now';
import { formatClaim, formatClockTime, formatDuration } from '../format';
import { CheckIcon, CopyIcon, ErrorIcon, InfoIcon } from './icons';

/** The claims an admin checks first, in this order; the rest follow. */
const KEY_CLAIMS = ['iss', 'aud', 'cid', 'client_id', 'scp', 'scope', 'sub', 'iat', 'exp', 'jti'];

const SIGNATURE_WORDS = {
  verified: { title: 'Signature verified', Icon: CheckIcon },
  invalid: { title: 'Signature NOT valid', Icon: ErrorIcon },
  unchecked: { title: 'Signature not checked', Icon: InfoIcon },
} as const;

function Countdown({ token }: { readonly token: TokenDetails }): ReactElement {
  const expiresAtMs = token.expiresIn === null ? null : token.receivedAtMs + token.expiresIn * 1000;
  const now = useNow(expiresAtMs !== null);
  if (token.expiresIn === null || expiresAtMs === null) return <>Not given</>;
  const left = Math.ceil((expiresAtMs - now) / 1000);
  return (
    <>
      {token.expiresIn} s{' '}
      <span className="countdown">
        {left > 0 ? `(expires in ${formatDuration(left)}, at ${formatClockTime(expiresAtMs)})` : '(expired)'}
      </span>
    </>
  );
}

export function ClaimsTable({ caption, values, order }: {
  readonly caption: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly order: readonly string[];
}): ReactElement {
  const names = [...order.filter((k) => k in values), ...Object.keys(values).filter((k) => !order.includes(k))];
  return (
    <table className="claims">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">Claim</th><th scope="col">Value</th></tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <th scope="row" className="mono">{name}</th>
            <td className="mono">{formatClaim(name, values[name])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface TokenDetailsViewProps {
  readonly token: TokenDetails;
  readonly feedback: CopyFeedback | null;
  readonly onCopyToken: () => void;
}

export function TokenDetailsView({ token, feedback, onCopyToken }: TokenDetailsViewProps): ReactElement {
  const signature = SIGNATURE_WORDS[token.signature];
  const copied = feedback !== null && feedback.purpose === 'token' ? feedback : null;
  return (
    <div className="token-details">
      <dl className="facts facts-table">
        <div><dt>token_type</dt><dd className="mono">{token.tokenType ?? 'Not given'}</dd></div>
        <div><dt>expires_in</dt><dd><Countdown token={token} /></dd></div>
        <div><dt>scope</dt><dd className="mono">{token.scope ?? 'Not given'}</dd></div>
        <div><dt>Format</dt><dd>{token.format === 'jwt' ? 'JWT (signed JSON Web Token)' : 'Opaque: not meant to be decoded or validated by clients'}</dd></div>
        <div>
          <dt>Access token</dt>
          <dd>
            <span className="muted">Hidden. </span>
            <button type="button" className="button button-small" onClick={onCopyToken}>
              <CopyIcon />
              <span>Copy access token</span>
            </button>
            <span className={`copy-status inline${copied === null ? '' : copied.ok ? ' is-ok' : ' is-error'}`} role="status">
              {copied === null ? null : copied.message}
            </span>
          </dd>
        </div>
      </dl>

      <div className={`signature signature-${token.signature}`}>
        <signature.Icon />
        <p>
          <strong>{signature.title}.</strong> {token.signatureDetail}
        </p>
      </div>

      {token.claims === null ? null : <ClaimsTable caption="Token claims" values={token.claims} order={KEY_CLAIMS} />}
      {token.header === null ? null : <ClaimsTable caption="Token header" values={token.header} order={['alg', 'kid', 'typ']} />}
    </div>
  );
}
