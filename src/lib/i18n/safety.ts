/** Messages of the safety pages. Chinese is the source. */
export const safetyZh = {} as const;

export type SafetyKey = keyof typeof safetyZh;

export const safetyEn: Record<SafetyKey, string> = {};
