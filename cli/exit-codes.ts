/**
 * The exit codes scripts rely on (issue 5). They are part of the CLI's contract:
 * change none of them.
 */
export const EXIT = {
  /** Success: encoded, decoded cleanly, or a token was issued. */
  ok: 0,
  /** The authorization server answered with a rejection (4xx, 429 included); `decode`: mistakes found. */
  rejected: 1,
  /** Bad usage or bad input, refused before any traffic. */
  usage: 2,
  /** No usable answer: network, TLS, timeout, redirect refused, 5xx, non-JSON, oversized body. */
  noAnswer: 3,
  /** A bug in basic-header itself (BSD sysexits EX_SOFTWARE); never an expected outcome. */
  internal: 70,
  /** Standard output could not be written (a full disk, a broken device): BSD sysexits EX_IOERR. A closed pipe is not this. */
  ioError: 74,
  /** Cancelled with Ctrl+C: 128 + SIGINT, as shells report an interrupted command. */
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Reading input failed: Ctrl+C is a cancel, anything else was bad input. */
export function inputFailureExit(code: 'usage' | 'cancelled'): ExitCode {
  return code === 'cancelled' ? EXIT.cancelled : EXIT.usage;
}
