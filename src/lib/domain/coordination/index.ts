/** Several respondents, one assessment: assign, hand out, answer, merge, decide, sign off. */
export * from './schema';
export * from './core';
export * from './files';
