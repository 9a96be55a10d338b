import type { ReactElement } from 'react';
import { SCOPES_NOTE } from '../../core/okta/discovery';
import type { DiscoveryInfo } from '../../core/okta/types';

function list(values: readonly string[] | null): string {
  if (values === null) return 'Not listed';
  return values.length === 0 ? 'None listed' : values.join(', ');
}

/** What the server's metadata says (or which documented paths were used instead). */
export function DiscoveryDetails({ discovery }: { readonly discovery: DiscoveryInfo }): ReactElement {
  return (
    <section className="subsection" aria-labelledby="discovery-heading">
      <h3 id="discovery-heading">Server metadata</h3>
      <p className="hint">
        {discovery.source === 'discovered'
          ? `Read from ${discovery.url ?? 'the discovery document'}.`
          : 'Discovery failed, so Okta’s documented paths were used.'}
      </p>
      {discovery.source === 'fallback' && discovery.note !== null ? <p className="note">{discovery.note}</p> : null}
      <dl className="facts facts-table">
        <div><dt>issuer</dt><dd className="mono">{discovery.issuer}</dd></div>
        <div><dt>token_endpoint</dt><dd className="mono">{discovery.tokenEndpoint}</dd></div>
        <div><dt>Auth methods</dt><dd className="mono">{list(discovery.tokenEndpointAuthMethodsSupported)}</dd></div>
        <div>
          <dt>scopes_supported</dt>
          <dd>
            <span className="mono">{list(discovery.scopesSupported)}</span>
            <span className="hint-block">{SCOPES_NOTE}</span>
          </dd>
        </div>
        <div><dt>jwks_uri</dt><dd className="mono">{discovery.jwksUri ?? 'Not listed'}</dd></div>
      </dl>
    </section>
  );
}
