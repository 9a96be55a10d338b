import { useId, useState, type ReactElement } from 'react';
import type { CopyFeedback, CopyRequest } from '../hooks/use-copy';
import { envAdvice, httpieSecretProblem, requestCommand, type CommandKind, type InlineCredential, type RequestSpec } from '../request-commands';
import { CopyStatus } from './copy-status';
import { CopyIcon, WarningIcon } from './icons';

const KINDS: readonly { readonly kind: CommandKind; readonly label: string }[] = [
  { kind: 'curl', label: 'Copy as curl' },
  { kind: 'powershell', label: 'Copy as PowerShell' },
  { kind: 'httpie', label: 'Copy as HTTPie' },
];

/** "Copy as curl / PowerShell / HTTPie": the credential from an environment variable, or inline on request. */
export function CopyAs({ spec, credential, feedback, copy }: {
  readonly spec: RequestSpec;
  /** The real credential, for the inline variant (null when the fields are not ready). */
  readonly credential: InlineCredential | null;
  readonly feedback: CopyFeedback | null;
  readonly copy: (request: CopyRequest) => Promise<CopyFeedback>;
}): ReactElement {
  const id = useId();
  const [inline, setInline] = useState(false);
  const [last, setLast] = useState<CommandKind>('curl');
  const withCredential = inline && credential !== null;
  // Shown before any copy: the HTTPie command would be wrong for this secret, so say so next to its button.
  const httpieProblem = credential === null ? null : httpieSecretProblem(spec.authMethod, credential.secret, inline);
  return (
    <div className="copy-as" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="preview-title">Run it yourself</p>
      <div className="copy-as-buttons">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button button-small"
            onClick={() => {
              setLast(kind);
              void copy({
                text: requestCommand(kind, spec, withCredential ? credential : null),
                purpose: 'header',
                slot: 'request',
                what: `${label.replace('Copy as ', '')} command copied${withCredential ? ' with the credential in it' : ''}`,
              });
            }}
          >
            <CopyIcon />
            <span>{label}</span>
          </button>
        ))}
      </div>
      <div className="checkbox-row">
        <input id={`${id}-inline`} type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} disabled={credential === null} aria-describedby={`${id}-advice`} />
        <label htmlFor={`${id}-inline`}>With the credential inline</label>
      </div>
      <p className="hint" id={`${id}-advice`}>
        {inline ? (
          <span className="inline-warning"><WarningIcon /> The command then contains the credential: never paste it into a ticket, chat or script file.</span>
        ) : envAdvice(last, spec.authMethod)}
      </p>
      {httpieProblem !== null && <p className="hint inline-warning"><WarningIcon /> {httpieProblem}</p>}
      <CopyStatus feedback={feedback} slot="request" />
    </div>
  );
}
