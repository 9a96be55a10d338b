// Preloaded (`node --import`) into Electron's own install.js by
// scripts/electron-binary.mjs. install.js reports a failed download with
// console.error(err.stack); this sends that report to file descriptor 3, where
// the start script reads it and turns it into one line without a stack trace.
// Everything else (its progress bar, DEBUG output) still reaches the terminal.
import { writeSync } from 'node:fs';
import { format } from 'node:util';

console.error = (...args) => {
  try {
    writeSync(3, `${format(...args)}\n`);
  } catch {
    // No report channel: say nothing rather than print a stack trace.
  }
};
