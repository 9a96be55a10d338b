import type { ReactElement, ReactNode } from 'react';
import type { Notice, Severity } from '../../core/shared/notice';
import { ErrorIcon, InfoIcon, WarningIcon } from './icons';

const ICONS: Readonly<Record<Severity, () => ReactElement>> = { info: InfoIcon, warning: WarningIcon, error: ErrorIcon };
const SPOKEN: Readonly<Record<Severity, string>> = { info: 'Note', warning: 'Warning', error: 'Error' };

export interface NoticeListProps {
  readonly id?: string;
  readonly notices: readonly Notice[];
  /** Optional title per notice (e.g. the name of a diagnosed mistake). */
  readonly titleOf?: (notice: Notice) => string | null;
  /** One line per notice, the rest of the explanation behind "why?". */
  readonly brief?: boolean;
  /** Buttons that fix what the notice is about. */
  readonly actionsOf?: ((notice: Notice) => ReactNode) | undefined;
  readonly children?: ReactNode;
}

/** The first sentence, and the rest (empty when there is one sentence). */
export function firstSentence(message: string): readonly [string, string] {
  const end = message.search(/[.!?]\s+(?=[A-Z(])/);
  return end === -1 ? [message, ''] : [message.slice(0, end + 1), message.slice(end + 1).trim()];
}

/** Notices from core, each with its severity in words as well as colour and icon. */
export function NoticeList({ id, notices, titleOf, brief = false, actionsOf, children }: NoticeListProps): ReactElement | null {
  if (notices.length === 0 && children === undefined) return null;
  return (
    <ul className="notices" id={id}>
      {notices.map((n, index) => {
        const Icon = ICONS[n.severity];
        const title = titleOf?.(n) ?? null;
        const [line, why] = brief ? firstSentence(n.message) : [n.message, ''];
        const actions = actionsOf?.(n);
        return (
          <li key={`${n.code}-${index}`} className="notice" data-tone={n.severity} data-code={n.code}>
            <Icon />
            <div className="notice-body">
              <span className="notice-text">
                <span className="visually-hidden">{SPOKEN[n.severity]}: </span>
                {title === null ? null : <strong className="notice-title">{title}. </strong>}
                {line}
              </span>
              {why === '' ? null : (
                <details className="notice-why">
                  <summary>why?</summary>
                  <span className="notice-text">{why}</span>
                </details>
              )}
              {actions === undefined || actions === null ? null : <div className="notice-actions">{actions}</div>}
            </div>
          </li>
        );
      })}
      {children}
    </ul>
  );
}
