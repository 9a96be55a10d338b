import { useId, useRef, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { withFormLogic } from '../lazy-chunks';

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
  // The key map is in the form logic chunk, which has landed before a tab can be focused.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => withFormLogic((logic) => {
    const index = logic.tabKeyTarget(e.key, tabs.findIndex((t) => t.value === selected), tabs.length);
    const tab = index === null ? undefined : tabs[index];
    if (index === null || tab === undefined) return;
    e.preventDefault();
    onSelect(tab.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  });
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
