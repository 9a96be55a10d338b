/**
 * The one shape every fallible operation returns, in core and across IPC:
 * errors are data (a stable code plus a plain sentence), never thrown objects,
 * so no stack trace or secret-bearing Error ever crosses a boundary.
 */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: C; readonly message: string };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { readonly ok: false; readonly code: C; readonly message: string } {
  return { ok: false, code, message };
}
