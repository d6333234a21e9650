export type Lang = 'zh' | 'en';

/** The parsed command-line options every command receives (see the usage text in main.ts). */
export interface Options {
	json: boolean;
	debug: boolean;
	quick: boolean;
	lang: Lang;
	rubric?: string;
	version?: string;
	seed?: string;
	top?: string;
	profile?: string;
	subject?: string;
	date?: string;
	period?: string;
	output?: string;
	previous?: string;
	brand?: string;
	/** report's format when -o is a folder */
	format?: string;
	applyValid: boolean;
	/** couch: the CouchDB server (credentials may be in it) */
	url?: string;
	/** couch: the database */
	db?: string;
	/** couch setup: the role whose members may use the database */
	org?: string;
	/** aggregate: the profile question to group by */
	by?: string;
}

export type Command = (positionals: string[], opts: Options) => void | Promise<void>;
