/**
 * The encoder/diagnosis contract shared by the renderer and the CLI.
 * Implementations live beside this file; see ARCHITECTURE.md for the codes.
 */
import type { Notice } from '../shared/notice';

export type CredentialField = 'clientId' | 'clientSecret';

/** A field after input hygiene: what will be encoded, and what was changed or flagged. */
export interface CleanedField {
  readonly value: string;
  readonly notices: readonly Notice[];
}

export interface EncodeInput {
  readonly clientId: string;
  readonly clientSecret: string;
  /** RFC 6749 §2.3.1 form-urlencoding before Base64. Off by default: Okta documents the raw form. */
  readonly formEncode: boolean;
}

export interface EncodeOutput {
  /** 'ready': value and header are set; 'empty': a field is empty (hint in notices); 'invalid': an error notice says why. */
  readonly status: 'ready' | 'empty' | 'invalid';
  /** Base64 of `id:secret` (UTF-8, standard alphabet, one line), or null. */
  readonly value: string | null;
  /** `Authorization: Basic <value>`, or null. */
  readonly header: string | null;
  /** The cleaned values that were (or would be) encoded. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Hygiene fixes, flags, errors and hints, in field order. */
  readonly notices: readonly Notice[];
  /** True when form-encoding would change these values (shown whatever formEncode is). */
  readonly formEncodingDiffers: boolean;
  /** Set when the ID field holds `id:secret` and the secret field is empty: offer a split. */
  readonly splitSuggestion: { readonly clientId: string; readonly clientSecret: string } | null;
}

/** Decode-and-diagnose of a pasted header or value. Never carries the secret itself. */
export interface Diagnosis {
  /** True when the value decodes cleanly to `id:secret` with no classic mistake. */
  readonly ok: boolean;
  readonly clientId: string | null;
  /** Length in characters (code points) of the decoded secret; the secret is never returned. */
  readonly secretLength: number | null;
  /** Each mistake by stable code: trailing-newline, line-wrapped, pem-armor, missing-colon, not-base64, url-safe-alphabet, whitespace, … */
  readonly notices: readonly Notice[];
}
