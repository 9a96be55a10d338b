import type { ReactElement } from 'react';
import { SCOPES_NOTE } from '../../core/okta/discovery';
import type { DiscoveryInfo } from '../../core/okta/types';

function list(values: readonly string[]): string {
  return values.length === 0 ? 'None listed' : values.join(', ');
}

/** What the server's metadata says; when it was never read, only the paths that were used instead. */
export function DiscoveryDetails({ discovery }: { readonly discovery: DiscoveryInfo }): ReactElement {
  const read = discovery.source === 'discovered';
  return (
    <section className="subsection" aria-labelledby="discovery-heading">
      <h4 id="discovery-heading">Server metadata</h4>
      <p className="hint">
        {read ? `Read from ${discovery.url ?? 'the discovery document'}.` : (discovery.note ?? 'Discovery failed, so Okta’s documented paths were used.')}
      </p>
      <dl className="facts facts-table">
        <div><dt>Issuer</dt><dd className="mono">{discovery.issuer}</dd></div>
        <div><dt>Token endpoint</dt><dd className="mono">{discovery.tokenEndpoint}</dd></div>
        {discovery.tokenEndpointAuthMethodsSupported === null ? null : (
          <div><dt>Auth methods</dt><dd className="mono">{list(discovery.tokenEndpointAuthMethodsSupported)}</dd></div>
        )}
        {discovery.scopesSupported === null ? null : (
          <div>
            <dt>Scopes listed</dt>
            <dd>
              <span className="mono">{list(discovery.scopesSupported)}</span>
              <span className="hint-block">{SCOPES_NOTE}</span>
            </dd>
          </div>
        )}
        {discovery.jwksUri === null ? null : <div><dt>Keys (JWKS)</dt><dd className="mono">{discovery.jwksUri}</dd></div>}
      </dl>
    </section>
  );
}
