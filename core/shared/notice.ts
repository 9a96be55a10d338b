/**
 * Something the user should know about their input or result. `code` is stable
 * (the CLI prints it in --json and scripts match on it); `message` is for people
 * and never contains a secret.
 */
export type Severity = 'info' | 'warning' | 'error';

export interface Notice {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export function notice(code: string, severity: Severity, message: string): Notice {
  return { code, severity, message };
}
