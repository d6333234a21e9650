/**
 * The one vocabulary for the key quantities. Results page, gap table, action plan, “explain this
 * score”, comparison, PDF, CSV and CLI name each number with these terms, so an official who sees
 * “可挽回分值 3.12” on one view finds the same words for the same number everywhere else.
 * Report texts take their terms from here; UI messages repeat them and a test keeps them equal.
 */
import type { Text } from '../rubrics/schema';

export interface GlossaryEntry {
	term: Text;
	definition: Text;
}

export type GlossaryKey =
	'score' | 'level' | 'coverage' | 'target' | 'gap' | 'priority' | 'contribution' | 'change';

export const GLOSSARY: Record<GlossaryKey, GlossaryEntry> = {
	score: {
		term: { zh: '得分', en: 'Score' },
		definition: {
			zh: '指标得分 = 100 × 现状等级 ÷ 最高等级；领域、板块和总得分为其下各项得分的加权平均（0–100）。',
			en: 'Indicator score = 100 × current level ÷ top level; domain, pillar and overall scores are weighted means of their parts (0–100).'
		}
	},
	level: {
		term: { zh: '现状等级', en: 'Current level' },
		definition: {
			zh: '评估人为指标选择的成熟度等级，依据该等级的可观察描述和佐证。',
			en: 'The maturity level the assessor chose for the indicator, from its observable descriptor and evidence.'
		}
	},
	coverage: {
		term: { zh: '覆盖率', en: 'Coverage' },
		definition: {
			zh: '已作答指标数 ÷ 适用指标数；未作答的指标不按零分计算，覆盖率不足100%时结果为暂定。',
			en: 'Answered indicators ÷ applicable indicators; unanswered ones are never counted as zero, and results below 100% are provisional.'
		}
	},
	target: {
		term: { zh: '目标等级', en: 'Target level' },
		definition: {
			zh: '该指标要达到的等级：默认取量表按对象画像设定的值，评估人可逐项调整。',
			en: 'The level the indicator should reach: by default the rubric’s value for the subject’s profile, adjustable per indicator.'
		}
	},
	gap: {
		term: { zh: '差距（级）', en: 'Gap (levels)' },
		definition: {
			zh: '目标等级 − 现状等级，以等级计；已达到或超过目标时为 0。',
			en: 'Target level − current level, in levels; 0 when the target is met or exceeded.'
		}
	},
	priority: {
		term: { zh: '可挽回分值', en: 'Recoverable points' },
		definition: {
			zh: '补齐该差距可提高的总得分分值 = 该指标在总得分中的有效权重 × 差距 ÷ 最高等级 × 100；差距和措施按它从高到低排列。',
			en: 'The overall-score points closing the gap would recover = the indicator’s effective weight in the overall score × gap ÷ top level × 100; gaps and measures are ranked by it.'
		}
	},
	contribution: {
		term: { zh: '贡献分', en: 'Contributed points' },
		definition: {
			zh: '该指标现有得分计入总得分的分值 = 有效权重 × 指标得分；各指标贡献分之和即总得分。',
			en: 'The points the indicator’s current score puts into the overall score = effective weight × indicator score; they add up to the overall score.'
		}
	},
	change: {
		term: { zh: '得分变化', en: 'Score change' },
		definition: {
			zh: '本次得分 − 上次得分；两次量表版本不同时只计共有指标。',
			en: 'This score − the earlier score; across rubric versions only shared indicators count.'
		}
	}
};

export const GLOSSARY_ORDER: readonly GlossaryKey[] = [
	'score',
	'level',
	'coverage',
	'target',
	'gap',
	'priority',
	'contribution',
	'change'
];

export const glossaryTerm = (key: GlossaryKey, locale: 'zh' | 'en') => GLOSSARY[key].term[locale];
