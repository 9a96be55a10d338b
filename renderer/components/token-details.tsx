import type { ReactElement } from 'react';
import type { TokenDetails } from '../../core/okta/types';
import type { CopyFeedback } from '../hooks/use-copy';
import { useNow } from '../hooks/use-now';
import { dateTimeOf, formatClaimValue, formatDuration, TIME_CLAIMS } from '../format';
import { CopyStatus } from './copy-status';
import { CheckIcon, CopyIcon, ErrorIcon, InfoIcon } from './icons';

/** The claims an admin checks first, in this order; the rest follow. */
const KEY_CLAIMS = ['iss', 'aud', 'cid', 'client_id', 'scp', 'scope', 'sub', 'iat', 'exp', 'jti'];

const SIGNATURE_WORDS = {
  verified: { title: 'Signature verified', tone: 'ok', Icon: CheckIcon },
  invalid: { title: 'Signature NOT valid', tone: 'error', Icon: ErrorIcon },
  unchecked: { title: 'Signature not checked', tone: 'info', Icon: InfoIcon },
} as const;

/** Expiry once, in words ("in 59 min 58 s"), with the exact time and expires_in on hover. */
function Expiry({ token }: { readonly token: TokenDetails }): ReactElement {
  const expiresAtMs = token.expiresIn === null ? null : token.receivedAtMs + token.expiresIn * 1000;
  const exact = expiresAtMs === null ? null : dateTimeOf(expiresAtMs);
  const now = useNow(exact !== null);
  if (token.expiresIn === null || expiresAtMs === null) return <>Not given</>;
  if (exact === null) return <>{`${token.expiresIn} s (not a valid date)`}</>;
  const left = Math.ceil((expiresAtMs - now) / 1000);
  return (
    <time className="countdown" dateTime={new Date(expiresAtMs).toISOString()} title={`${exact} (expires_in: ${token.expiresIn} s)`}>
      {left > 0 ? `in ${formatDuration(left)}` : 'expired'}
    </time>
  );
}

/** A claim's value; time claims get their date on hover, not a second format beside them. */
function ClaimValue({ name, value }: { readonly name: string; readonly value: unknown }): ReactElement {
  const text = formatClaimValue(value);
  if (typeof value !== 'number' || !TIME_CLAIMS.includes(name)) return <>{text}</>;
  return <span title={dateTimeOf(value * 1000) ?? 'not a valid date'}>{text}</span>;
}

export function ClaimsTable({ caption, values, order }: {
  readonly caption: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly order: readonly string[];
}): ReactElement {
  // Own keys only: a "__proto__" claim is shown as the plain claim it is.
  const own = Object.keys(values);
  const names = [...order.filter((k) => own.includes(k)), ...own.filter((k) => !order.includes(k))];
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
            <td className="mono"><ClaimValue name={name} value={Object.getOwnPropertyDescriptor(values, name)?.value} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Plain words first, the raw field name as secondary text. */
function Fact({ label, raw, children }: { readonly label: string; readonly raw?: string; readonly children: ReactElement | string }): ReactElement {
  return (
    <div>
      <dt>{label}{raw === undefined ? null : <span className="raw-name mono">{raw}</span>}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export interface TokenDetailsViewProps {
  readonly token: TokenDetails;
  readonly feedback: CopyFeedback | null;
  readonly onCopyToken: () => void;
}

export function TokenDetailsView({ token, feedback, onCopyToken }: TokenDetailsViewProps): ReactElement {
  const signature = SIGNATURE_WORDS[token.signature];
  // core's detail may repeat the title ("Signature verified with key …"): say it once.
  // The expiry is shown once above, in words: not again here in another format.
  const said = token.signatureDetail.replace(/,? and the token expires at [^;]+?(?=\.?$)/, '');
  const detail = said.startsWith(signature.title) ? said : `${signature.title}. ${said}`;
  return (
    <div className="token-details">
      <dl className="facts facts-table">
        <Fact label="Token type" raw="token_type"><span className="mono">{token.tokenType ?? 'Not given'}</span></Fact>
        <Fact label="Expires" raw="expires_in"><Expiry token={token} /></Fact>
        <Fact label="Granted scopes" raw="scope"><span className="mono">{token.scope ?? 'Not given'}</span></Fact>
        <Fact label="Format">{token.format === 'jwt' ? 'JWT (signed JSON Web Token)' : 'Opaque: not meant to be decoded or validated by clients'}</Fact>
        <Fact label="Access token" raw="access_token">
          <>
            <span className="muted">Hidden. </span>
            <button type="button" className="button button-small" onClick={onCopyToken}>
              <CopyIcon />
              <span>Copy access token</span>
            </button>
            <CopyStatus feedback={feedback} slot="token" inline />
          </>
        </Fact>
      </dl>

      <p className="signature" data-tone={signature.tone}>
        <signature.Icon />
        <span>{detail}</span>
      </p>

      {token.claims === null ? null : <ClaimsTable caption="Token claims" values={token.claims} order={KEY_CLAIMS} />}
      {token.header === null ? null : <ClaimsTable caption="Token header" values={token.header} order={['alg', 'kid', 'typ']} />}
    </div>
  );
}
