import type { ReactElement } from 'react';
import type { MaskedRequest } from '../../core/okta/types';

/** The HTTP request as text, secret and Basic value already masked by core. */
export function requestText(request: MaskedRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return [`${request.method} ${request.url}`, ...headers, '', request.body].join('\n');
}

export function MaskedRequestView({ request, label }: { readonly request: MaskedRequest; readonly label: string }): ReactElement {
  return (
    // Focusable so keyboard users can scroll a long line sideways.
    <pre className="request mono" tabIndex={0} aria-label={label}>
      {requestText(request)}
    </pre>
  );
}
