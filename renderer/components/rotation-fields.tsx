/**
 * "Testing a rotation?" (issue 13): a second, masked secret field with its own
 * Show toggle and the same hygiene notices as the first, plus Copy for either
 * secret (through main's guarded clipboard, like every copy).
 */
import { useId, type ReactElement } from 'react';
import { FIELD_LIMITS } from '../field-limits';
import type { Notice } from '../../core/shared/notice';
import type { CopyFeedback } from '../hooks/use-copy';
import { CopyStatus } from './copy-status';
import { CopyIcon, EyeIcon, EyeOffIcon } from './icons';
import { NoticeList } from './notice-list';
import { TextField } from './text-field';
import './rotation.css';

export interface RotationFieldsProps {
  readonly on: boolean;
  readonly onToggle: (on: boolean) => void;
  readonly newSecret: string;
  readonly onNewSecret: (value: string) => void;
  readonly shown: boolean;
  readonly onShown: (shown: boolean) => void;
  /** Core's hygiene notices for the new secret, as for the first. */
  readonly notices: readonly Notice[];
  readonly canCopyCurrent: boolean;
  readonly canCopyNew: boolean;
  readonly feedback: CopyFeedback | null;
  readonly onCopy: (which: 'secret' | 'new-secret') => void;
}

/** Core words its notices for "the client secret"; under this field they are about the new one. */
function aboutNewSecret(n: Notice): Notice {
  return { ...n, message: n.message.replace(/\b([Tt])he client secret\b/g, (_m, t: string) => `${t}he new secret`) };
}

export function RotationFields(props: RotationFieldsProps): ReactElement {
  const id = useId();
  const invalid = props.notices.some((n) => n.severity === 'error');
  return (
    <div className="field rotation-fields">
      <div className="checkbox-row">
        <input id={`${id}-rotation`} type="checkbox" checked={props.on} onChange={(e) => props.onToggle(e.target.checked)} aria-describedby={`${id}-rotation-hint`} />
        <label htmlFor={`${id}-rotation`}>Testing a rotation?</label>
      </div>
      <p className="hint" id={`${id}-rotation-hint`}>
        Tests the client secret above (the current one) and a new one, one after the other, and says whether it is safe to switch.
      </p>
      {props.on ? (
        <div className="field nested">
          {/* The same field as the first secret: capped alike, so a huge paste is refused with a plain note, not kept. */}
          <TextField
            label="New secret"
            value={props.newSecret}
            onValue={props.onNewSecret}
            limit={FIELD_LIMITS.clientSecret}
            type={props.shown ? 'text' : 'password'}
            invalid={invalid}
            after={
              <button type="button" className="button button-quiet" aria-pressed={props.shown} aria-label="Show new secret" onClick={() => props.onShown(!props.shown)}>
                {props.shown ? <EyeOffIcon /> : <EyeIcon />}
                <span>Show</span>
              </button>
            }
            notes={<NoticeList notices={props.notices.map(aboutNewSecret)} />}
          />
          <div className="rotation-copy">
            <button type="button" className="button button-small" disabled={!props.canCopyCurrent} onClick={() => props.onCopy('secret')}>
              <CopyIcon />
              <span>Copy current secret</span>
            </button>
            <button type="button" className="button button-small" disabled={!props.canCopyNew} onClick={() => props.onCopy('new-secret')}>
              <CopyIcon />
              <span>Copy new secret</span>
            </button>
            <CopyStatus feedback={props.feedback} slot="rotation-secret" inline />
            <CopyStatus feedback={props.feedback} slot="new-secret" inline />
          </div>
        </div>
      ) : null}
    </div>
  );
}
