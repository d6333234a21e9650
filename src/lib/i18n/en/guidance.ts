/** English of guidance.ts (loaded only when the interface is in English). */
import type { GuidanceKey } from '../guidance';

export const guidanceEn: Record<GuidanceKey, string> = {
	'keys.hint':
		'Keys: digits choose a level, J/K or ←/→ move between indicators, U goes to the next unanswered one; press ? for all keys.',
	'keys.open': 'Keyboard keys (?)',
	'keys.title': 'Keyboard',
	'keys.close': 'Close',
	'keys.key': 'Key',
	'keys.action': 'What it does',
	'keys.digits':
		'Choose the current indicator’s level; only digit keys, Space and clicks change an answer',
	'keys.na': 'Mark the current indicator not applicable, or undo it (where the rubric allows it)',
	'keys.next': 'Next indicator (across domains)',
	'keys.prev': 'Previous indicator (across domains)',
	'keys.unanswered': 'Next unanswered indicator',
	'keys.levels':
		'Move the focus between the current indicator’s levels without changing the answer',
	'keys.space': 'Choose the level that has the focus',
	'keys.tab': 'Move to the next control',
	'keys.help': 'Open this list; Esc closes it',
	'keys.typing':
		'While typing in a note, value, link or drop-down, the keys do nothing else: they only type.',
	'keys.allAnswered': 'Every applicable indicator is answered.',
	'keys.space.name': 'Space',
	'duplicate.exists':
		'This subject already has an assessment for “{period}” ({date}, {progress}). A second one for the same period would stand beside it and is easily confused in comparisons and benchmarks.',
	'duplicate.open': 'Open the existing assessment',
	'duplicate.again': 'Create it anyway, labelled “{label}”',
	'duplicate.label': '{period} (no. {n})',
	'sample.exists':
		'The sample city “{name}” is already on this device; it was not loaded again and is open now.',
	'projection.provisional':
		'Provisional: only {answered} of {applicable} applicable indicators are answered. Closing the top five gaps would raise the overall score from {from} to {to} (+{delta}); once the others are answered, the score and the gaps will change.',
	'subjects.provisional': 'provisional ({percent} answered)',
	'benchmark.tied': 'tied {rank} / {count}',
	'benchmark.tiedPlace': 'tied {rank}',
	'benchmark.noPeers':
		'This device holds no other subject comparable with this one (same kind, same {tier}, with an assessment), so there is no rank or percentile. A ranking needs comparable subjects’ assessments: ask other cities or enterprises for their exported assessment files and import them (Assessments → Import file), or gather them with the collection features, then benchmark again.',
	'benchmark.referencesTitle': 'Published reference values cited by the rubric',
	'benchmark.referencesIntro':
		'The values recorded in this subject’s latest assessment ({period}) beside the published targets and figures the rubric’s indicators cite. Some references are province-wide totals that only show scale and do not compare directly; “Basis” says where each comes from and how far it compares.',
	'benchmark.noOwnAssessment':
		'This subject has no assessment yet. Once one is made, its values appear here beside the references.',
	'benchmark.indicator': 'Indicator',
	'benchmark.ownValue': 'This subject',
	'benchmark.references': 'References',
	'benchmark.notRecorded': 'not recorded',
	'benchmark.judgement': 'Basis',
	'benchmark.unit': 'Unit: {unit}'
};
