/**
 * The panels strings, kept in their own file so that each part of the UI owns its words. English and
 * Chinese sit side by side; the type makes a missing Chinese entry a compile error.
 */
export const panelsEn = {} as const;

export const panelsZh: Record<keyof typeof panelsEn, string> = {};
