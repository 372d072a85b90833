/** The wire protocol: room options and every message, for the server, the client and any script. */
export * from "./options.ts";
export * from "./messages.ts";
export * from "./preview.ts";
export * from "./rounds.ts";
