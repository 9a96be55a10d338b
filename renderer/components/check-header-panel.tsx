import { useDeferredValue, useId, useMemo, type ReactElement } from 'react';
import { diagnoseHeader } from '../../core/encoding';
import type { Diagnosis } from '../../core/encoding/types';
import { probableClientId, repairHeader } from '../header-repair';
import type { CopyFeedback, CopyRequest } from '../hooks/use-copy';
import { mistakeName } from '../mistake-names';
import { PANEL_FIELD_LIMITS } from '../panel-field-limits';
import { CopyStatus } from './copy-status';
import { CheckIcon, CopyIcon, WarningIcon } from './icons';
import { NoticeList } from './notice-list';
import { TextField } from './text-field';
// Its rules load with this chunk: the first paint does not need them (issue 16).
import '../styles/check-header.css';
import '../styles/panels.css';

export interface CheckHeaderPanelProps {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly feedback: CopyFeedback | null;
  readonly copy: (request: CopyRequest) => Promise<CopyFeedback>;
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

function verdictText(diagnosis: Diagnosis, problems: number): string {
  if (diagnosis.ok) return 'Looks right: one clean Base64 value of client_id:client_secret.';
  if (problems === 0) return 'Decoded, with notes below.';
  return `${problems} ${problems === 1 ? 'problem' : 'problems'} found.`;
}

function clientIdText(diagnosis: Diagnosis, probable: string | null): ReactElement {
  if (diagnosis.clientId === null) {
    return probable === null ? <>—</> : <><span className="mono">{probable}</span> <span className="muted">(probably: there is no colon after it)</span></>;
  }
  return <span className="mono">{diagnosis.clientId === '' ? '(empty)' : diagnosis.clientId}</span>;
}

/** Decode-and-diagnose: shows the client ID and the secret's length, never the secret; repairs formatting mistakes. */
export function CheckHeaderPanel({ text, onText, feedback, copy }: CheckHeaderPanelProps): ReactElement {
  const id = useId();
  // A paste is capped (PANEL_FIELD_LIMITS.headerCheck); the diagnosis may still lag a keystroke behind.
  const deferred = useDeferredValue(text);
  const diagnosis = useMemo(() => safeDiagnose(deferred), [deferred]);
  const repair = useMemo(() => (diagnosis === null ? null : repairHeader(deferred, diagnosis)), [deferred, diagnosis]);
  const probable = useMemo(() => (diagnosis === null ? null : probableClientId(deferred, diagnosis)), [deferred, diagnosis]);
  const problems = diagnosis === null ? 0 : diagnosis.notices.filter((n) => n.severity !== 'info').length;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Check a header</h2>
      <p className="card-intro">Paste an Authorization header or a Base64 value to see what it holds and what is wrong with it.</p>
      <TextField
        label="Header or Base64 value"
        value={text}
        onValue={onText}
        limit={PANEL_FIELD_LIMITS.headerCheck}
        rows={4}
        placeholder="Authorization: Basic MG9h…"
        guard={{ textOf: (v, start, end) => v.slice(start, end), copy: (t) => void copy({ text: t, purpose: 'header', slot: 'header-check', what: 'Selected text copied' }) }}
        notes={<CopyStatus feedback={feedback} slot="header-check" />}
      />
      <div className="diagnosis">
        {/* Only the short verdict is announced, not every line, so typing stays quiet. */}
        <div role="status" className="verdict-slot">
          {diagnosis === null ? null : (
            <p className="verdict" data-tone={diagnosis.ok ? 'ok' : 'warning'}>
              {diagnosis.ok ? <CheckIcon /> : <WarningIcon />}
              <span>{verdictText(diagnosis, problems)}</span>
            </p>
          )}
        </div>
        {diagnosis === null ? null : (
          <>
            <dl className="facts">
              <div>
                <dt>Client ID</dt>
                <dd>{clientIdText(diagnosis, probable)}</dd>
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
            {repair === null ? null : (
              <div className="repair" role="group" aria-label="Corrected value">
                <p>Only the formatting is wrong. The corrected value is rebuilt from what was decoded; it is copied, never shown.</p>
                <div className="repair-actions">
                  <button type="button" className="button button-small" onClick={() => void copy({ text: repair.value, purpose: 'base64', slot: 'corrected', what: 'Corrected value copied' })}>
                    <CopyIcon />
                    <span>Copy corrected value</span>
                  </button>
                  <button type="button" className="button button-small" onClick={() => void copy({ text: repair.header, purpose: 'header', slot: 'corrected', what: 'Corrected header copied' })}>
                    <CopyIcon />
                    <span>Copy corrected header</span>
                  </button>
                </div>
                <CopyStatus feedback={feedback} slot="corrected" />
              </div>
            )}
            <NoticeList notices={diagnosis.notices} titleOf={(n) => mistakeName(n.code)} />
          </>
        )}
      </div>
    </section>
  );
}
