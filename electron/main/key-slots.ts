/**
 * Main's in-memory key slots: each holds a private key the page may use but
 * never see. The page gets a random slot id plus the public facts
 * (ClientKeyInfo); the non-extractable CryptoKey, and for a generated key its
 * private JWK (for the guarded Copy buttons), stay here until Forget, quit, or
 * eviction by newer keys. Nothing is written anywhere.
 */
import { randomUUID } from 'node:crypto';
import type { ImportedKey } from '../../core/okta/client-keys';
import type { SensitiveValue } from '../../core/okta/redact';
import type { ClientSigningKey } from '../../core/okta/types';
import type { ClientKeyInfo } from '../shared/ipc-contract';
import { LIMITS } from '../shared/limits';

export interface KeySlot {
  readonly info: ClientKeyInfo;
  readonly signingKey: ClientSigningKey;
  /** Strings no reply may contain: the key's private members (and, for generated keys, nothing else is needed). */
  readonly needles: readonly string[];
  /** Every form of those, for the token test's redactor (ImportedKey.sensitiveForms). */
  readonly sensitive: readonly SensitiveValue[];
  /** Generated keys only: the private JWK, for copyPrivateKey. */
  readonly privateJwk: Readonly<Record<string, unknown>> | null;
}

export interface KeyOrigin {
  readonly source: ClientKeyInfo['source'];
  readonly fileName: string | null;
  /** Generated keys: the private JWK (kept for the guarded copies) and the labelled public JWK for Okta. */
  readonly generated?: { readonly privateJwk: Readonly<Record<string, unknown>>; readonly publicJwk: Readonly<Record<string, unknown>> };
}

export interface KeySlots {
  /** Stores an imported key; returns what the page may see. */
  put(key: ImportedKey, origin: KeyOrigin): ClientKeyInfo;
  get(slotId: string): KeySlot | undefined;
  /** Every private string of every held key (for the reply check). */
  needles(): readonly string[];
  /** Drops every key (Forget, quit); returns how many there were. */
  clear(): number;
  readonly size: number;
}

/** JWK members the page may see: the public ones, all strings. */
function publicStrings(jwk: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(jwk)) if (typeof value === 'string') out[name] = value;
  return out;
}

export function createKeySlots(capacity: number = LIMITS.keySlots): KeySlots {
  // Insertion order is age order: the first entry is the oldest.
  const slots = new Map<string, KeySlot>();
  return {
    put(key, origin) {
      const slotId = randomUUID();
      const info: ClientKeyInfo = {
        slotId,
        source: origin.source,
        fileName: origin.fileName,
        kid: key.kid,
        kidSource: key.kidSource,
        alg: key.alg,
        kty: key.kty,
        thumbprint: key.thumbprint,
        format: origin.source === 'generated' ? 'generated' : key.format,
        publicJwk: publicStrings(origin.generated?.publicJwk ?? (key.publicJwk as Readonly<Record<string, unknown>>)),
      };
      slots.set(slotId, {
        info,
        signingKey: { key: key.key, alg: key.alg, kid: key.kid },
        needles: key.sensitiveValues,
        sensitive: key.sensitiveForms,
        privateJwk: origin.generated?.privateJwk ?? null,
      });
      while (slots.size > capacity) {
        const oldest = slots.keys().next().value;
        if (oldest === undefined) break;
        slots.delete(oldest);
      }
      return info;
    },
    get: (slotId) => slots.get(slotId),
    needles: () => [...slots.values()].flatMap((slot) => slot.needles),
    clear() {
      const count = slots.size;
      slots.clear();
      return count;
    },
    get size() {
      return slots.size;
    },
  };
}
