import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/** Serves the built app (adapter-static output) on 127.0.0.1, like any static host would. */
export async function startStaticServer(
	port = 0
): Promise<{ url: string; close: () => Promise<void> }> {
	const serve = sirv(path.resolve('build'), { dev: false, etag: true, extensions: ['html'] });
	const server: Server = createServer((req, res) =>
		serve(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const { port: actual } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${actual}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
