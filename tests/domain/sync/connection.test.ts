/** The sync setup's address checks and the CSP rewrite the service worker applies. */
import { describe, expect, it } from 'vitest';
import {
	isCouchWelcome,
	isValidDatabaseName,
	parseServerUrl
} from '../../../src/lib/domain/sync/connection';
import { allowConnectOrigin } from '../../../src/lib/sync/csp';

describe('parseServerUrl', () => {
	it('keeps the path and drops a trailing slash', () => {
		expect(parseServerUrl(' https://couch.example.gov/db-proxy/ ')).toEqual({
			ok: true,
			server: 'https://couch.example.gov/db-proxy',
			origin: 'https://couch.example.gov'
		});
	});
	it.each([
		['', 'empty'],
		['couch.example.gov', 'not-a-url'],
		['ftp://couch.example.gov', 'scheme'],
		['javascript:alert(1)', 'scheme'],
		['https://admin:secret@couch.example.gov', 'credentials'],
		['https://couch.example.gov/?x=1', 'query']
	])('refuses %j (%s)', (text, problem) => {
		expect(parseServerUrl(text)).toEqual({ ok: false, problem });
	});
});

describe('isValidDatabaseName', () => {
	it('follows CouchDB’s rule', () => {
		expect(isValidDatabaseName('org-shenzhen_2026')).toBe(true);
		expect(isValidDatabaseName('Org')).toBe(false);
		expect(isValidDatabaseName('_users')).toBe(false);
		expect(isValidDatabaseName('')).toBe(false);
	});
});

describe('isCouchWelcome', () => {
	it('accepts CouchDB and express-pouchdb, nothing else', () => {
		expect(isCouchWelcome({ couchdb: 'Welcome', version: '3.3.3' })).toBe(true);
		expect(isCouchWelcome({ 'express-pouchdb': 'Welcome!', version: '4.2.0' })).toBe(true);
		expect(isCouchWelcome({ status: 'ok' })).toBe(false);
		expect(isCouchWelcome('<html>')).toBe(false);
		expect(isCouchWelcome(null)).toBe(false);
	});
});

describe('allowConnectOrigin', () => {
	const page = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; connect-src 'self'; script-src 'self' 'sha256-abc='"></head>`;
	it('adds exactly the origin to connect-src and leaves the rest', () => {
		expect(allowConnectOrigin(page, 'https://couch.example.gov:6984')).toBe(
			`<head><meta http-equiv="content-security-policy" content="default-src 'self'; connect-src 'self' https://couch.example.gov:6984; script-src 'self' 'sha256-abc='"></head>`
		);
	});
	it('refuses anything that could add another source or directive', () => {
		for (const origin of [
			'https://a.example *',
			'https://a.example; script-src *',
			'*',
			"'unsafe-eval'"
		])
			expect(allowConnectOrigin(page, origin)).toBe(page);
	});
});
