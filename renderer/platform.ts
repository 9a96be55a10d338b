/** macOS writes shortcuts with ⌘ symbols; everything else with Ctrl+. */
export function isMacPlatform(): boolean {
  return /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);
}
