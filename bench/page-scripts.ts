/**
 * Code that runs inside the page. Kept as plain JavaScript text on purpose:
 * tsx rewrites functions with a `__name` helper that does not exist in the page,
 * so a TypeScript function handed to page.evaluate would fail there.
 */

/** Finds an input by its label text (how a user finds it); both pages label their fields. */
const FIELD_BY_LABEL = String.raw`
  const fieldByLabel = (text) => {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() !== text || !label.htmlFor) continue;
      const field = document.getElementById(label.htmlFor);
      if (field instanceof HTMLInputElement) return field;
    }
    return null;
  };
`;

/** A task boundary without setTimeout's 4 ms clamp (one copy for every page script that waits on it). */
const MACROTASK = String.raw`
  const macrotask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(null);
  });
`;

/**
 * Init script: records performance.now() (ms since navigation start) the first
 * time the Client ID field exists and is enabled (__benchReadyAt), and when the
 * lazily loaded panels have landed (__benchPanelsAt; the app only). A MutationObserver callback
 * runs right after the DOM change, so for React this is just after its commit,
 * when the root's event listeners are live and typing works.
 */
export const READY_PROBE = String.raw`(() => {
  ${FIELD_BY_LABEL}
  const record = () => {
    if (window.__benchReadyAt === undefined) {
      const field = fieldByLabel('Client ID');
      if (field === null || field.disabled) return false;
      window.__benchReadyAt = performance.now();
    }
    // The lazy panels (issue 16): when the Test credentials button is there. Never on the blank page.
    if (window.__benchPanelsAt === undefined) {
      const test = [...document.querySelectorAll('button:not([role="tab"])')].find((b) => b.textContent.trim() === 'Test credentials');
      if (test === undefined) return false;
      window.__benchPanelsAt = performance.now();
    }
    return true;
  };
  const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('DOMContentLoaded', () => { if (record()) observer.disconnect(); });
})();`;

/**
 * The same "ready" as READY_PROBE, as a script file the page itself loads (no
 * debugger attached to inject it): one console line, `bench-ready <ms>`, which
 * Chromium prints on stderr with --enable-logging.
 */
export const READY_PROBE_LOGGING = String.raw`(() => {
  ${FIELD_BY_LABEL}
  let done = false;
  const record = () => {
    if (done) return true;
    const field = fieldByLabel('Client ID');
    if (field === null || field.disabled) return false;
    done = true;
    console.log('bench-ready ' + performance.now().toFixed(2));
    return true;
  };
  const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  document.addEventListener('DOMContentLoaded', () => { if (record()) observer.disconnect(); });
})();`;

/**
 * Keystroke loop, evaluated in the loaded renderer. Argument:
 *   { clientId, secret, samples, warmup, chunk }
 * For the app and for a plain-DOM baseline (an input whose listener writes
 * btoa(id:secret) into two inputs), alternately in chunks: set the secret field
 * through the native value setter (so React's onChange sees a real change),
 * then time from dispatching 'input' until BOTH outputs hold new text. Each keystroke
 * flips the last character of the secret, so every sample changes the Base64.
 * Returns { app: number[], baseline: number[] } in milliseconds.
 */
export const KEYSTROKE_LOOP = String.raw`async (args) => {
  ${FIELD_BY_LABEL}
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const type = (field, value) => {
    setValue.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  ${MACROTASK}
  // Let deferred (non-urgent) renders and timers from the previous keystroke finish first.
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await macrotask();
    await macrotask();
  };

  const idField = fieldByLabel('Client ID');
  const secretField = fieldByLabel('Client secret');
  if (idField === null || secretField === null) throw new Error('the credential fields were not found');
  const show = [...document.querySelectorAll('button')].find((b) => /^(Show|Hide) outputs$/.test(b.textContent?.trim() ?? '')) ?? null;
  if (show === null) throw new Error('the Show outputs button was not found');
  // Masked outputs hide the secret's part, so a keystroke in the secret would not change them: show the values.
  if (show.getAttribute('aria-pressed') !== 'true') show.click();
  const appOutputs = [document.querySelector('[data-testid="output-base64"]'), document.querySelector('[data-testid="output-header"]')];
  if (appOutputs.some((o) => !(o instanceof HTMLTextAreaElement))) throw new Error('the output fields were not found');

  const last = args.secret.slice(-1);
  const values = [args.secret, args.secret.slice(0, -1) + (last === 'a' ? 'b' : 'a')];
  const expected = (secret) => btoa(args.clientId + ':' + secret);

  // The baseline: the same work done by hand on plain DOM, outside React.
  const box = document.createElement('div');
  box.hidden = true;
  const plainInput = document.createElement('input');
  const plainOutputs = [document.createElement('input'), document.createElement('input')];
  plainInput.addEventListener('input', () => {
    const value = btoa(args.clientId + ':' + plainInput.value);
    plainOutputs[0].value = value;
    plainOutputs[1].value = 'Authorization: Basic ' + value;
  });
  box.append(plainInput, ...plainOutputs);
  document.body.append(box);

  type(idField, args.clientId);
  await settle();
  type(secretField, values[1]);
  type(plainInput, values[1]);
  await settle();
  await settle();
  // The encoder is a lazy chunk (issue 16): wait for it once, before any timing starts.
  const waitStarted = performance.now();
  while (appOutputs[0].value !== expected(values[1])) {
    if (performance.now() - waitStarted > 10000) throw new Error('the app did not show the expected Base64 value');
    await settle();
  }

  const run = async (field, outputs, count, state, into) => {
    for (let i = 0; i < count; i += 1) {
      await settle();
      state.flip = 1 - state.flip;
      const before = outputs.map((o) => o.value);
      // The clock starts at the input event: replacing the whole value stands in for the
      // browser's own edit, which is not part of the app's reaction to it.
      setValue.call(field, values[state.flip]);
      const started = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      while (outputs[0].value === before[0] || outputs[1].value === before[1]) {
        if (performance.now() - started > 5000) throw new Error('the outputs did not change within 5 s of a keystroke');
        await macrotask();
      }
      const elapsed = performance.now() - started;
      if (into !== null) into.push(elapsed);
    }
  };

  const app = [];
  const baseline = [];
  const appState = { flip: 1 };
  const plainState = { flip: 1 };
  await run(secretField, appOutputs, args.warmup, appState, null);
  await run(plainInput, plainOutputs, args.warmup, plainState, null);
  while (app.length < args.samples || baseline.length < args.samples) {
    await run(secretField, appOutputs, Math.min(args.chunk, args.samples - app.length), appState, app);
    await run(plainInput, plainOutputs, Math.min(args.chunk, args.samples - baseline.length), plainState, baseline);
  }
  const shown = values[appState.flip];
  if (appOutputs[0].value !== expected(shown) || appOutputs[1].value !== 'Authorization: Basic ' + expected(shown)) {
    throw new Error('the app outputs do not match the last keystroke');
  }
  box.remove();
  return { app, baseline };
}`;

/**
 * Long-day driver, evaluated once in the loaded renderer: defines
 * window.__longDay with three loops that act as a user would (native value
 * setter + input events, button clicks), each waiting for the app's answer:
 *   fill({ clientId, secret, target, scopes, header })  fills the form
 *   tokenTests(n)     clicks Test credentials n times, each until its result is in; returns outcomes seen
 *   keystrokes(n)     n input events in the secret field, flipping its last character
 *   forgetCycles(n, values)  fills the form, then Forget everything, n times
 */
export const LONG_DAY_DRIVER = String.raw`(() => {
  ${FIELD_BY_LABEL}
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const setAreaValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  const type = (field, value) => {
    (field instanceof HTMLTextAreaElement ? setAreaValue : setValue).call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  ${MACROTASK}
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await macrotask();
  };
  const until = async (what, check, ms = 20000) => {
    const started = performance.now();
    while (!check()) {
      if (performance.now() - started > ms) throw new Error('timed out waiting for ' + what);
      await macrotask();
    }
  };
  const field = (label) => {
    const f = fieldByLabel(label) || [...document.querySelectorAll('textarea')].find((t) => t.labels && [...t.labels].some((l) => l.textContent.trim() === label));
    if (!f) throw new Error('no field labelled ' + label);
    return f;
  };
  const button = (pattern) => [...document.querySelectorAll('button:not([role="tab"])')].find((b) => pattern.test(b.textContent.trim()));

  const fill = async (v) => {
    type(field('Client ID'), v.clientId);
    type(field('Client secret'), v.secret);
    type(field('Okta domain or issuer'), v.target);
    type(field('Scopes'), v.scopes);
    type(field('Header or Base64 value'), v.header);
    await settle();
  };

  const tokenTests = async (n) => {
    const outcomes = {};
    for (let i = 0; i < n; i += 1) {
      const test = button(/^Test credentials$/);
      if (!test) throw new Error('the Test credentials button is missing');
      test.click();
      await until('the test to start', () => button(/^Testing…$/) !== undefined || document.querySelector('.test-status .result-message') !== null, 5000);
      await until('the test to finish', () => button(/^Test credentials$/) !== undefined);
      const result = document.querySelector('[data-outcome]');
      const outcome = result ? result.getAttribute('data-outcome') : 'none';
      outcomes[outcome] = (outcomes[outcome] || 0) + 1;
    }
    return outcomes;
  };

  const keystrokes = async (n) => {
    const secret = field('Client secret');
    const base = secret.value.slice(0, -1);
    for (let i = 0; i < n; i += 1) {
      type(secret, base + (i % 2 === 0 ? 'a' : 'b'));
      await macrotask();
      if (i % 100 === 99) await settle();
    }
    await settle();
  };

  const forgetCycles = async (n, values) => {
    for (let i = 0; i < n; i += 1) {
      await fill(values);
      const before = field('Client ID');
      button(/^Forget everything$/).click();
      await until('the form to be forgotten', () => {
        const now = fieldByLabel('Client ID');
        return now !== null && now !== before && now.value === '';
      });
      await settle();
    }
  };

  window.__longDay = { fill, tokenTests, keystrokes, forgetCycles, settle };
})();`;
