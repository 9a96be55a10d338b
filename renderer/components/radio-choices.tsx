import type { ReactElement, ReactNode } from 'react';

export interface RadioChoice<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
}

/** A row of native radio buttons: arrow keys, labels and form semantics come from the browser. */
export function RadioChoices<T extends string>(props: {
  readonly name: string;
  readonly choices: readonly RadioChoice<T>[];
  readonly selected: T;
  readonly onSelect: (value: T) => void;
}): ReactElement {
  const { name, choices, selected, onSelect } = props;
  return (
    <div className="choice-row">
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="radio" name={name} value={choice.value} checked={selected === choice.value} onChange={() => onSelect(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
