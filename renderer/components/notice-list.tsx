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
  readonly children?: ReactNode;
}

/** Notices from core, each with its severity in words as well as colour and icon. */
export function NoticeList({ id, notices, titleOf, children }: NoticeListProps): ReactElement | null {
  if (notices.length === 0 && children === undefined) return null;
  return (
    <ul className="notices" id={id}>
      {notices.map((n, index) => {
        const Icon = ICONS[n.severity];
        const title = titleOf?.(n) ?? null;
        return (
          <li key={`${n.code}-${index}`} className={`notice notice-${n.severity}`} data-code={n.code}>
            <Icon />
            <span className="notice-text">
              <span className="visually-hidden">{SPOKEN[n.severity]}: </span>
              {title === null ? null : <strong className="notice-title">{title}. </strong>}
              {n.message}
            </span>
          </li>
        );
      })}
      {children}
    </ul>
  );
}
