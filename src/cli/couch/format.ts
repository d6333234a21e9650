/**
 * How the province view's numbers are printed, the same for the server's (`couch aggregate`)
 * and the files' (`aggregate FILE…`): a block per period, newest first, with a table per group;
 * or one JSON object.
 */
import type { Aggregate, MetricStats, PeriodAggregate } from '../../lib/domain/sync/aggregate';
import { findRubricById } from '../rubric-files';
import type { Lang } from '../options';
import { titleOf } from '../shared';

const number = (n: number) => n.toFixed(2);

function metricLabel(metric: string, title: (id: string) => string): string {
	if (metric === 'overall') return 'overall';
	const id = metric.slice(metric.indexOf(':') + 1);
	const name = title(id);
	return `${metric}${name === id ? '' : ` ${name}`}`;
}

const COLUMNS = ['n', 'mean', 'min', 'q1', 'median', 'q3', 'max'] as const;

/** Numbers first, the metric's name last: Chinese titles are twice as wide and align nothing. */
function metricLine(m: MetricStats, label: string): string {
	const cells = COLUMNS.map((c) => (c === 'n' ? String(m.n) : number(m[c])).padStart(8));
	return `${cells.join('')}  ${label}`;
}

const periodName = (period: string) => (period ? period : '(no period)');

function periodHeading(p: PeriodAggregate): string {
	const repeats = p.repeatsLeftOut
		? `; ${p.repeatsLeftOut} earlier repeat${p.repeatsLeftOut === 1 ? '' : 's'} of a subject in the period left out (its latest assessment counts)`
		: '';
	return `== period ${periodName(p.period)}: ${p.counted} subject${p.counted === 1 ? '' : 's'}, each once${repeats} ==`;
}

function formatPeriod(p: PeriodAggregate, by: Aggregate['by'], lang: Lang): string {
	const head = `${COLUMNS.map((c) => c.padStart(8)).join('')}  metric`;
	const blocks = p.groups.map((g) => {
		const rubric = findRubricById(g.rubric.id, g.rubric.version);
		const title = rubric ? titleOf(rubric, lang) : (id: string) => id;
		const group = by === 'all' ? 'all' : `${by} = ${g.group ?? '(not given)'}`;
		return [
			`${g.rubric.id} ${g.rubric.version} · ${group}: ${g.count} assessment${g.count === 1 ? '' : 's'}`,
			...(g.metrics.length ? [head] : []),
			...g.metrics.map((m) => metricLine(m, metricLabel(m.metric, title)))
		].join('\n');
	});
	return [periodHeading(p), ...blocks].join('\n\n');
}

/** `period`: the --period asked for, named when nothing is in it. */
export function formatAggregate(aggregate: Aggregate, lang: Lang, period?: string): string {
	if (!aggregate.periods.length)
		return period === undefined
			? 'no assessments to aggregate'
			: `no assessments of period ${periodName(period)}; leave out --period to see every period`;
	return aggregate.periods.map((p) => formatPeriod(p, aggregate.by, lang)).join('\n\n');
}
