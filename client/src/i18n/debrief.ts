/**
 * The debrief strings, kept in their own file so that each part of the UI owns its words. English and
 * Chinese sit side by side; the type makes a missing Chinese entry a compile error.
 */
export const debriefEn = {} as const;

export const debriefZh: Record<keyof typeof debriefEn, string> = {};
