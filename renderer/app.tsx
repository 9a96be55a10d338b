/**
 * The window: header with the app-wide actions, the workspace (all user data),
 * a status bar, the shortcuts dialog. Menu commands (bridge.onCommand) and the
 * same keys pressed in the page (keydown) go through one dispatcher (commands.ts);
 * the workspace subscribes to the ones about its data.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ForgetRequest } from '../electron/shared/ipc-contract';
import { getBridge, NO_BRIDGE_MESSAGE } from './bridge';
import { createCommandHub } from './commands';
import { isMacPlatform } from './platform';
import { withFormLogic } from './lazy-chunks';
import { EraseIcon, InfoIcon, KeyboardIcon, ShieldIcon } from './components/icons';
import { IdleWarning, ShortcutsDialog } from './components/lazy-panels';
import { Workspace } from './components/workspace';

/** The idle timeout's choices in minutes (null: off); the select's values are 'off', '1', '5', '15'. */
const IDLE_MINUTES: readonly (number | null)[] = [null, 1, 5, 15];
const idleValue = (minutes: number | null): string => (minutes === null ? 'off' : String(minutes));

/** How long an app-level status line stays. */
const STATUS_MS = 8000;

export function App(): ReactElement {
  const bridge = useMemo(() => getBridge(), []);
  const isMac = useMemo(() => isMacPlatform(), []);
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<{ readonly text: string; readonly seq: number } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [idleChoice, setIdleChoice] = useState('off');
  const commands = useMemo(() => createCommandHub(), []);
  const focusFirstField = useRef(false);
  const statusSeq = useRef(0);

  const announce = useCallback((text: string): void => {
    statusSeq.current += 1;
    setStatus({ text, seq: statusSeq.current });
  }, []);

  useEffect(() => {
    if (status === null) return undefined;
    const timer = window.setTimeout(() => setStatus((s) => (s?.seq === status.seq ? null : s)), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  const forget = useCallback((reason: ForgetRequest['reason']): void => {
    // Drop everything on screen first; telling main (clipboard, running test) follows.
    setGeneration((g) => g + 1);
    document.getElementById('main')?.scrollTo({ top: 0 });
    // The wording is in the form logic chunk, which has landed before anything can be forgotten.
    const say = (clipboardCleared: boolean): void => withFormLogic((logic) => announce(logic.forgetAnnouncement(reason, clipboardCleared)));
    if (bridge === null) {
      say(false);
      return;
    }
    bridge.forget({ reason }).then((reply) => say(reply.ok && reply.value.clipboardCleared), () => say(false));
  }, [bridge, announce]);

  // The app-wide commands; copy-header and test-credentials belong to the workspace.
  useEffect(() => commands.subscribe((command, source) => {
    if (command === 'forget-everything') {
      focusFirstField.current = true;
      forget(source === 'menu' ? 'user' : 'shortcut');
    } else if (command === 'show-shortcuts') {
      setShortcutsOpen(true);
    }
  }), [commands, forget]);

  useEffect(() => {
    if (bridge === null) return undefined;
    return bridge.onCommand((command) => commands.emit(command, 'menu'));
  }, [bridge, commands]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat) return;
      // The matcher is in the form-logic chunk (not the first paint); it has landed before the form is usable.
      withFormLogic((logic) => {
        const shortcut = logic.shortcutFor(event);
        if (shortcut === null) return;
        event.preventDefault();
        commands.emit(shortcut.command, 'keyboard');
      });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);

  // After a keyboard Forget the focused field is gone: continue from the first field.
  useEffect(() => {
    if (!focusFirstField.current) return;
    focusFirstField.current = false;
    if (document.activeElement === null || document.activeElement === document.body) {
      document.querySelector<HTMLInputElement>('main input')?.focus();
    }
  }, [generation]);

  const idleMinutes = IDLE_MINUTES.find((m) => idleValue(m) === idleChoice) ?? null;
  const onIdle = useCallback(() => forget('idle'), [forget]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to the form</a>
      <header className="app-header">
        <div className="brand">
          <ShieldIcon className="brand-icon" />
          <div>
            <h1>Basic Header</h1>
            <p className="tagline">Okta client-credentials headers. Nothing is saved.</p>
          </div>
        </div>
        <div className="toolbar">
          <div className="toolbar-field">
            <label htmlFor="idle-timeout">Forget when idle</label>
            <select id="idle-timeout" className="select select-small" value={idleChoice} onChange={(e) => setIdleChoice(e.target.value)}>
              {IDLE_MINUTES.map((m) => <option key={idleValue(m)} value={idleValue(m)}>{m === null ? 'Off' : `${m} min`}</option>)}
            </select>
          </div>
          <button type="button" className="button button-quiet" onClick={() => setShortcutsOpen(true)}>
            <KeyboardIcon />
            <span className="button-label-wide">Keyboard shortcuts</span>
          </button>
          <button type="button" className="button button-danger" onClick={() => forget('user')}>
            <EraseIcon />
            <span>Forget everything</span>
          </button>
        </div>
      </header>

      {bridge === null ? (
        <div className="banners">
          <p className="banner" data-tone="info" role="note">
            <InfoIcon />
            <span>{NO_BRIDGE_MESSAGE}</span>
          </p>
        </div>
      ) : null}

      <main id="main" className="workspace" tabIndex={-1}>
        <Workspace
          key={generation}
          bridge={bridge}
          commands={commands}
          announce={announce}
          isMac={isMac}
        />
      </main>

      {/* A status bar below the scrolling page: seen wherever the page is scrolled, and never covering a field. */}
      <div className="toasts">
        <IdleWarning minutes={idleMinutes} onIdle={onIdle} />
        <p className="toast app-status" data-tone="ok" role="status">{status?.text ?? ''}</p>
      </div>

      <ShortcutsDialog open={shortcutsOpen} isMac={isMac} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
