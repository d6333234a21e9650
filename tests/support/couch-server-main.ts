/**
 * The test CouchDB as a process of its own, for tests and benches that need the server outside
 * their process: `npx tsx tests/support/couch-server-main.ts [port]` prints one JSON line
 * `{ "url", "adminUrl" }` once it listens, and stops on SIGTERM, SIGINT or when stdin closes.
 */
import { startCouchServer } from './couch-server';

const server = await startCouchServer(Number(process.argv[2] ?? 0));
process.stdout.write(JSON.stringify({ url: server.url, adminUrl: server.adminUrl }) + '\n');
const stop = () => {
	void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
