/**
 * Protocol constants the lobby needs, copied so that the page does not ship zod with the schemas that
 * define them (shared/protocol/options.ts). tests/client/constants.test.ts fails if they ever differ.
 */
export const PACES = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** Join codes: no 0/O, 1/I/L, so that a class can read them off a projector. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;
