/**
 * Closes the ways out that the Content-Security-Policy cannot: it governs what a page loads, not
 * where the whole window goes, and Chromium has no policy for WebRTC (it ignores CSP3's
 * `webrtc 'block'` as an unknown directive). Runs once, before any page code.
 *
 * - A navigation of this window to another origin that the page itself starts (assigning
 *   `location`, a meta refresh, a link without a target, a frame navigating the top window) is
 *   cancelled through the Navigation API. What the user starts from the browser (address bar,
 *   bookmarks) cannot be cancelled and is not; evidence links open in a new window, unaffected.
 * - WebRTC's peer connection, which can reach any host over UDP, is removed from the page.
 *
 * A script already running in the page can get round both with a fresh same-origin frame or
 * window (window.open is left to the browser's popup blocker); the README says so. The first
 * defence remains that no untrusted text is ever run or rendered as HTML.
 */
export function guardNetwork(win: Window & typeof globalThis = window) {
	win.navigation?.addEventListener('navigate', (event) => {
		const destination = new URL(event.destination.url);
		// Downloads of files the app made (blob: URLs of this origin) are not navigations away.
		if (destination.origin === win.location.origin) return;
		if (event.cancelable) event.preventDefault();
	});
	for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection'])
		if (name in win) Reflect.deleteProperty(win, name);
}
