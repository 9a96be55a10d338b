// The Node.js that `npm start` needs. Electron 45, @electron/get 5 and
// @electron-internal/extract-zip all declare `engines.node >= 22.12.0`;
// tests/scripts/node-version.test.ts keeps this in step with them.
// Plain syntax and no imports: this must load and run on old Node versions too.
export const START_NODE = '22.12.0';

function parts(version) {
  return version.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
}

/** True when `version` (e.g. process.versions.node) is older than `minimum`. */
export function olderThan(version, minimum) {
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < 3; i += 1) {
    if (have[i] !== need[i]) return have[i] < need[i];
  }
  return false;
}
