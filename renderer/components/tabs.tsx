import { useId, useRef, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';

export interface Tab<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly panel: ReactNode;
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys / Home / End move between tabs and
 * select them. Every panel stays mounted (hidden), so switching keeps what was typed.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect }: {
  readonly label: string;
  readonly tabs: readonly Tab<T>[];
  readonly selected: T;
  readonly onSelect: (value: T) => void;
}): ReactElement {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.findIndex((t) => t.value === selected);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = (next + tabs.length) % tabs.length;
    const tab = tabs[index];
    if (tab === undefined) return;
    onSelect(tab.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.value}
            type="button"
            role="tab"
            id={`${id}-${t.value}-tab`}
            aria-selected={t.value === selected}
            aria-controls={`${id}-${t.value}-panel`}
            tabIndex={t.value === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(t.value)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.value} role="tabpanel" id={`${id}-${t.value}-panel`} aria-labelledby={`${id}-${t.value}-tab`} hidden={t.value !== selected}>
          {t.panel}
        </div>
      ))}
    </div>
  );
}
