/**
 * The Client ID field's notes when it holds an id:secret pair (the notice and
 * the Split button), and the fix buttons under any field's notices. In the form
 * logic chunk: both answer what was typed, never the empty form of the first paint.
 */
import { useState, type ReactElement } from 'react';
import type { Notice } from '../../core/shared/notice';
import type { FieldFix } from '../field-fixes';
import { SplitIcon } from './icons';
import { NoticeList } from './notice-list';

/** Fix buttons under a notice: each applies one repair to the field's text. */
export function fixButtons(fixes: readonly FieldFix[], value: string, onValue: (v: string) => void): (n: Notice) => ReactElement | null {
  return (n) => {
    const mine = fixes.filter((f) => f.code === n.code);
    if (mine.length === 0) return null;
    return (
      <>
        {mine.map((f) => (
          <button key={f.label} type="button" className="button button-small" onClick={() => onValue(f.apply(value))}>{f.label}</button>
        ))}
      </>
    );
  };
}

/** core's two words for a pair (secret field empty or filled), said once, naming the ID but never the secret. */
const PAIR_CODES = new Set(['id-secret-pasted-together', 'colon-in-client-id']);
function pairNotice(idPart: string): Notice {
  return {
    code: 'id-secret-pasted-together',
    severity: 'warning',
    message: `This holds a client ID (${idPart}) and a secret joined by a colon; the secret part is hidden. Split them: the part before the first colon goes in Client ID, the rest in Client secret.`,
  };
}

export interface PairNotesProps {
  readonly pair: { readonly clientId: string; readonly clientSecret: string };
  /** The ID field's notices from core (its pair notices are said once, here). */
  readonly notices: readonly Notice[];
  readonly clientId: string;
  readonly clientSecret: string;
  readonly onClientId: (value: string) => void;
  readonly onClientSecret: (value: string) => void;
  readonly fixes: readonly FieldFix[];
}

export function PairNotes({ pair, notices, clientId, clientSecret, onClientId, onClientSecret, fixes }: PairNotesProps): ReactElement {
  // The question is for this text only: any edit of the ID field drops it.
  const [confirmFor, setConfirmFor] = useState<string | null>(null);
  const confirmSplit = confirmFor === clientId;
  const split = (): void => {
    if (clientSecret !== '' && !confirmSplit) {
      setConfirmFor(clientId);
      return;
    }
    setConfirmFor(null);
    onClientId(pair.clientId);
    onClientSecret(pair.clientSecret);
  };
  return (
    <>
      <NoticeList
        notices={[pairNotice(pair.clientId), ...notices.filter((n) => !PAIR_CODES.has(n.code))]}
        brief
        actionsOf={fixButtons(fixes, clientId, onClientId)}
      />
      {confirmSplit ? (
        <div className="confirm" role="group" aria-label="Replace the secret">
          <span>The Client secret field is filled. Replace it with the secret from this pair?</span>
          <button type="button" className="button button-small" onClick={split}>Replace the secret</button>
          <button type="button" className="button button-small button-quiet" onClick={() => setConfirmFor(null)}>Keep it</button>
        </div>
      ) : (
        <button type="button" className="button button-small" onClick={split}>
          <SplitIcon />
          <span>Split into ID and secret</span>
        </button>
      )}
    </>
  );
}
