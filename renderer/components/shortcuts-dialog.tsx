import { useEffect, useRef, type ReactElement } from 'react';
import { displayAccelerator, SHORTCUTS } from '../../electron/shared/shortcuts';
// Its rules load with this chunk: the first paint does not need them (issue 16).
import '../styles/dialog.css';
import '../styles/panels.css';

export interface ShortcutsDialogProps {
  readonly open: boolean;
  readonly isMac: boolean;
  readonly onClose: () => void;
}

/** Help → Keyboard shortcuts: a native modal dialog (focus is kept inside, Esc closes, focus returns). */
export function ShortcutsDialog({ open, isMac, onClose }: ShortcutsDialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const general: readonly (readonly [string, string])[] = [
    ['Move to the next or previous control', 'Tab / Shift+Tab'],
    ['Press a button, tick a checkbox', 'Space'],
    ['Choose an option in a group', 'Arrow keys'],
    ['Close this list', 'Esc'],
  ];

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      </div>
      <table className="shortcuts">
        <caption className="visually-hidden">App shortcuts</caption>
        <thead>
          <tr><th scope="col">Action</th><th scope="col">Keys</th></tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <th scope="row">{s.label}</th>
              <td><kbd>{displayAccelerator(s.accelerator, isMac)}</kbd></td>
            </tr>
          ))}
          {general.map(([action, keys]) => (
            <tr key={action} className="general">
              <th scope="row">{action}</th>
              <td><kbd>{keys}</kbd></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Also in the menu: Help › Keyboard shortcuts.</p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}
