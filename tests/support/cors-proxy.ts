/**
 * CORS in front of the test CouchDB, as a real CouchDB is configured for a browser app
 * (`[cors] origins = <the app's origin>, credentials = true`): express-pouchdb has no CORS of its
 * own. Forwards every request unchanged and adds the headers for exactly one origin.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CorsProxy {
	url: string;
	close: () => Promise<void>;
}

export async function startCorsProxy(target: string, allowedOrigin: string): Promise<CorsProxy> {
	const upstream = new URL(target);
	const cors = (req: IncomingMessage, res: ServerResponse) => {
		if (req.headers.origin !== allowedOrigin) return;
		res.setHeader('Access-Control-Allow-Origin', allowedOrigin);
		res.setHeader('Access-Control-Allow-Credentials', 'true');
		res.setHeader('Vary', 'Origin');
	};
	const server = createServer((req, res) => {
		cors(req, res);
		if (req.method === 'OPTIONS') {
			res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
			res.setHeader(
				'Access-Control-Allow-Headers',
				req.headers['access-control-request-headers'] ?? 'accept, content-type'
			);
			res.setHeader('Access-Control-Max-Age', '600');
			res.writeHead(204).end();
			return;
		}
		const forward = request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: upstream.host }
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		forward.on('error', () => res.writeHead(502).end());
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
