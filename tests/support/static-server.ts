import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
	url: string;
	/** Serves another folder from now on, on the same origin: a new version being deployed. */
	deploy: (root: string) => void;
	close: () => Promise<void>;
}

/** Serves the built app (adapter-static output) on 127.0.0.1, like any static host would. */
export async function startStaticServer(port = 0, root = 'build'): Promise<StaticServer> {
	const serveFolder = (folder: string) =>
		sirv(path.resolve(folder), { dev: false, etag: true, extensions: ['html'] });
	let serve = serveFolder(root);
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
		deploy: (folder) => {
			serve = serveFolder(folder);
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
