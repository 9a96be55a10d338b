/** An `id:secret` pair pasted into the Client ID field (eager: it decides whether that field is masked). */

/** Where an `id:secret` pair splits (the first colon), or null when the text is not one. */
export function pairIn(idField: string): { readonly clientId: string; readonly clientSecret: string } | null {
  const text = idField.trim();
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  return { clientId: text.slice(0, colon), clientSecret: text.slice(colon + 1) };
}
