import type { ReactElement } from 'react';
import type { PresentedCertificate } from '../../core/okta/types';

/**
 * The desktop app trusts the operating system's certificate store (the command
 * line's --ca-file does not apply here): say how to add a CA there.
 */
export const DESKTOP_TLS_FIX =
  'Basic Header trusts the certificate authorities your operating system trusts. If your company inspects HTTPS or the domain uses a private CA, ' +
  'get that CA certificate from IT and add it to the system store: on Windows with certmgr.msc (Trusted Root Certification Authorities), ' +
  'on macOS in Keychain Access (System keychain, set to Always Trust), on Linux to the NSS database (certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Company CA" -i ca.pem). ' +
  'Then restart Basic Header. Never turn certificate checks off.';

/** Issuer, subject and SHA-256 fingerprint of what the server presented. */
export function CertificateDetails({ certificate }: { readonly certificate: PresentedCertificate }): ReactElement {
  return (
    <section className="subsection" aria-labelledby="certificate-heading">
      <h4 id="certificate-heading">Certificate the server presented</h4>
      <dl className="facts facts-table">
        <div><dt>Issued by</dt><dd className="mono">{certificate.issuer}</dd></div>
        <div><dt>Issued to</dt><dd className="mono">{certificate.subject}</dd></div>
        <div><dt>SHA-256 fingerprint</dt><dd className="mono fingerprint">{certificate.sha256}</dd></div>
      </dl>
      <p className="hint">An issuer you do not expect for this domain (a firewall or security product) means a proxy inspects HTTPS on this network.</p>
    </section>
  );
}
