/** Messages of the results pages. Chinese is the source. */
export const resultsZh = {} as const;

export type ResultsKey = keyof typeof resultsZh;

export const resultsEn: Record<ResultsKey, string> = {};
