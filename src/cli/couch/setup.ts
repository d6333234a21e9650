/**
 * `couch setup`: makes a CouchDB server ready for one organisation, idempotently. It creates the
 * system databases a fresh CouchDB lacks, the organisation's database, its security object (the
 * organisation's role as members: only users with that role, and server admins, can read or
 * write it) and the design document with the province views and the server-side check. Run
 * again, it changes nothing and says so; an older design document is replaced by this version's.
 */
import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../errors';
import { designDocument, DESIGN_DOC_ID } from '../../lib/domain/sync/design';
import {
	checkCouchServer,
	couchRequest,
	describeServer,
	sessionOf,
	type Connection
} from './client';

export type StepOutcome = 'created' | 'updated' | 'unchanged';

export interface SetupStep {
	what: string;
	outcome: StepOutcome;
}

interface SecurityObject {
	members?: { names?: string[]; roles?: string[] };
	admins?: { names?: string[]; roles?: string[] };
	[key: string]: unknown;
}

const path = (db: string, rest = '') => `/${encodeURIComponent(db)}${rest}`;

async function ensureDatabase(conn: Connection, db: string): Promise<StepOutcome> {
	const where = describeServer(conn, db);
	const { status } = await couchRequest(conn, 'GET', path(db), { accept: [404], where });
	if (status !== 404) return 'unchanged';
	// 412: created meanwhile by another run; the database is there, which is what was asked.
	const created = await couchRequest(conn, 'PUT', path(db), { accept: [412], where });
	return created.status === 412 ? 'unchanged' : 'created';
}

/**
 * Adds the organisation's role to the members; names and roles someone added by hand stay. A
 * database with no members at all is open to every user of the server, hence the role.
 */
async function ensureSecurity(conn: Connection, db: string, role: string): Promise<StepOutcome> {
	const where = describeServer(conn, db);
	const { body } = await couchRequest<SecurityObject>(conn, 'GET', path(db, '/_security'), {
		where
	});
	const current = body && typeof body === 'object' ? body : {};
	const roles = current.members?.roles ?? [];
	if (roles.includes(role)) return 'unchanged';
	const next: SecurityObject = {
		...current,
		members: { names: current.members?.names ?? [], roles: [...roles, role] },
		admins: { names: current.admins?.names ?? [], roles: current.admins?.roles ?? [] }
	};
	await couchRequest(conn, 'PUT', path(db, '/_security'), { body: next, where });
	return roles.length || current.members?.names?.length ? 'updated' : 'created';
}

async function ensureDesign(conn: Connection, db: string): Promise<StepOutcome> {
	const where = describeServer(conn, db);
	const wanted = designDocument();
	const { status, body } = await couchRequest<Record<string, unknown>>(
		conn,
		'GET',
		path(db, `/${DESIGN_DOC_ID}`),
		{ accept: [404], where }
	);
	const existing = status === 404 ? undefined : body;
	if (existing) {
		const { _id, _rev, ...stored } = existing;
		const { _id: _wantedId, ...fields } = wanted;
		if (isDeepStrictEqual(stored, fields)) return 'unchanged';
	}
	await couchRequest(conn, 'PUT', path(db, `/${DESIGN_DOC_ID}`), {
		body: existing ? { ...wanted, _rev: existing._rev } : wanted,
		where
	});
	return existing ? 'updated' : 'created';
}

export async function setupServer(
	conn: Connection,
	db: string,
	role: string
): Promise<SetupStep[]> {
	await checkCouchServer(conn);
	const session = await sessionOf(conn);
	if (!session.roles.includes('_admin'))
		throw new InputError(describeServer(conn), [
			{
				path: '',
				message: `setup needs a server admin (signed in as ${session.name ?? 'nobody'}); give the admin's name and password in the URL or in COUCHDB_USER and COUCHDB_PASSWORD`
			}
		]);
	const steps: SetupStep[] = [];
	// A fresh CouchDB 3 has no system databases until someone creates them; logins need _users.
	for (const system of ['_users', '_replicator'])
		steps.push({ what: `system database ${system}`, outcome: await ensureDatabase(conn, system) });
	steps.push({ what: `database ${db}`, outcome: await ensureDatabase(conn, db) });
	steps.push({
		what: `security of ${db} (members: role ${role})`,
		outcome: await ensureSecurity(conn, db, role)
	});
	steps.push({
		what: `design document ${DESIGN_DOC_ID} in ${db} (views, validation)`,
		outcome: await ensureDesign(conn, db)
	});
	return steps;
}
