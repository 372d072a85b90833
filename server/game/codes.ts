/** Join codes and secrets, from the operating system's cryptographic generator. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { JOIN_CODE_ALPHABET } from "../../shared/protocol/index.ts";

export function newJoinCode(taken: (code: string) => boolean): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
}

export function newToken(): string {
  return randomBytes(18).toString("base64url");
}

/** Secrets are kept hashed: a snapshot or a log never holds the host's secret itself. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string | undefined, hash: string): boolean {
  if (!secret) return false;
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
