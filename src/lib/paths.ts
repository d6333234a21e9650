import { resolve } from '$app/paths';

type AppPath =
	| '/'
	| '/assessments/'
	| '/compare/'
	| '/settings/'
	| '/subject/'
	| '/subject/new/'
	| '/assess/'
	| '/results/'
	| '/benchmark/'
	| '/coordinate/';

/** An in-app link with an optional query (per-record pages take ?id=), base path included. */
export function appHref(path: AppPath, query?: Record<string, string>): string {
	// Every AppPath is a prerendered route; resolve's overloads cannot take the union directly.
	const base = (resolve as (route: string) => string)(path);
	const search = query ? `?${new URLSearchParams(query).toString()}` : '';
	return `${base}${search}`;
}
