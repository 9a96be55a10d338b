import { useDeferredValue, useId, useMemo, type ReactElement } from 'react';
import { diagnoseHeader } from '../../core/encoding';
import type { Diagnosis } from '../../core/encoding/types';
import { mistakeName } from '../mistake-names';
import { CheckIcon, WarningIcon } from './icons';
import { NoticeList } from './notice-list';

export interface CheckHeaderPanelProps {
  readonly text: string;
  readonly onText: (text: string) => void;
}

function safeDiagnose(text: string): Diagnosis | null {
  if (text.trim() === '') return null;
  try {
    return diagnoseHeader(text);
  } catch {
    return {
      ok: false,
      clientId: null,
      secretLength: null,
      notices: [{ code: 'unreadable', severity: 'error', message: 'This text could not be checked. Paste only the header or the Base64 value.' }],
    };
  }
}

/** Decode-and-diagnose: shows the client ID and the secret's length, never the secret. */
export function CheckHeaderPanel({ text, onText }: CheckHeaderPanelProps): ReactElement {
  const id = useId();
  // A huge paste must not make typing elsewhere feel slow.
  const deferred = useDeferredValue(text);
  const diagnosis = useMemo(() => safeDiagnose(deferred), [deferred]);
  const problems = diagnosis === null ? 0 : diagnosis.notices.filter((n) => n.severity !== 'info').length;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Check a header</h2>
      <p className="card-intro">Paste an Authorization header or a Base64 value to see what it holds and what is wrong with it.</p>
      <div className="field">
        <label htmlFor={`${id}-text`}>Header or Base64 value</label>
        <textarea
          id={`${id}-text`}
          className="text-input mono"
          rows={4}
          value={text}
          onChange={(e) => onText(e.target.value)}
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          placeholder="Authorization: Basic MG9h…"
        />
      </div>
      <div className="diagnosis">
        {/* Only the short verdict is announced, not every line, so typing stays quiet. */}
        <div role="status" className="verdict-slot">
          {diagnosis === null ? null : (
            <p className={`verdict ${diagnosis.ok ? 'is-ok' : 'is-problem'}`}>
              {diagnosis.ok ? <CheckIcon /> : <WarningIcon />}
              <span>
                {diagnosis.ok
                  ? 'Looks right: one clean Base64 value of client_id:client_secret.'
                  : problems === 0
                    ? 'Decoded, with notes below.'
                    : `${problems} ${problems === 1 ? 'problem' : 'problems'} found.`}
              </span>
            </p>
          )}
        </div>
        {diagnosis === null ? null : (
          <>
            <dl className="facts">
              <div>
                <dt>Client ID</dt>
                <dd className="mono">{diagnosis.clientId === null ? '—' : diagnosis.clientId === '' ? '(empty)' : diagnosis.clientId}</dd>
              </div>
              <div>
                <dt>Secret length</dt>
                <dd>
                  {diagnosis.secretLength === null
                    ? '—'
                    : `${diagnosis.secretLength} ${diagnosis.secretLength === 1 ? 'character' : 'characters'}`}
                  <span className="hint-inline"> (the secret itself is never shown)</span>
                </dd>
              </div>
            </dl>
            <NoticeList notices={diagnosis.notices} titleOf={(n) => mistakeName(n.code)} />
          </>
        )}
      </div>
    </section>
  );
}
