/**
 * The tutorial strings, kept in their own file so that each part of the UI owns its words. English and
 * Chinese sit side by side; the type makes a missing Chinese entry a compile error.
 */
export const tutorialEn = {} as const;

export const tutorialZh: Record<keyof typeof tutorialEn, string> = {};
