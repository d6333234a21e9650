import { glossaryTerm } from '../../lib/domain/glossary';
import { reportText } from '../../lib/domain/report-text';
import { scoreAssessment } from '../../lib/domain/scoring';
import { perFileCommand } from '../batch';
import { fmt, loadAssessmentFile, pct, titleOf } from '../shared';
import { complianceJson, complianceLines } from '../compliance';

/** `score FILE… [--json]`: overall, pillar, domain and indicator scores. */
export const run = perFileCommand('score', (file, opts, out) => {
	const { assessment, rubric } = loadAssessmentFile(file);
	const s = scoreAssessment(rubric, assessment);
	if (opts.json)
		return out.json({
			rubric: s.rubric,
			compliance: complianceJson(rubric, assessment),
			overall: {
				score: s.overall.score,
				coverage: s.overall.coverage,
				level: s.overall.level,
				provisional: s.overall.provisional
			},
			pillars: s.pillars.map(({ id, score, level, coverage, provisional }) => ({
				id,
				score,
				level,
				coverage,
				provisional
			})),
			domains: s.domains.map(({ id, pillarId, score, level, coverage, provisional }) => ({
				id,
				pillarId,
				score,
				level,
				coverage,
				provisional
			})),
			indicators: s.indicators.map(
				({ id, domainId, pillarId, status, level, score, target, gap, share }) => ({
					id,
					domainId,
					pillarId,
					status,
					level,
					score,
					target,
					gap,
					share
				})
			)
		});
	const title = titleOf(rubric, opts.lang);
	const levelName = (l: number | null) => (l === null ? '—' : rubric.scale[l]!.name[opts.lang]);
	const o = s.overall;
	const lines = [
		`${assessment.subject.name} ${assessment.period}  ${rubric.id} ${rubric.version}\n` +
			complianceLines(rubric, assessment, opts.lang)
				.map((line) => `${line}\n`)
				.join('') +
			`${reportText(opts.lang, 'overallScore')} ${fmt(o.score)} (${levelName(o.level)})  ${glossaryTerm('coverage', opts.lang)} ${o.coverage.answered}/${o.coverage.applicable} ${pct(o.coverage.ratio)}${o.provisional ? '  PROVISIONAL' : ''}`
	];
	for (const p of s.pillars) {
		lines.push(
			`  ${fmt(p.score).padStart(5)}  ${title(p.id)}  (${p.coverage.answered}/${p.coverage.applicable})`
		);
		for (const d of s.domains.filter((x) => x.pillarId === p.id))
			lines.push(
				`    ${fmt(d.score).padStart(5)}  ${title(d.id)}  (${d.coverage.answered}/${d.coverage.applicable})`
			);
	}
	out.text(lines.join('\n'));
});
