// Stops early, with one sentence, on a Node.js the toolchain cannot run on.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
	console.error(
		`This project needs Node.js 20.19 or newer (found ${process.versions.node}); install it from https://nodejs.org or with your package manager, then run the command again.`
	);
	process.exit(1);
}
