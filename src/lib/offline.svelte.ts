/**
 * Service-worker lifecycle as UI state: whether the app is ready offline, and whether a newer
 * version is waiting (the user reloads when it suits them, never in the middle of typing).
 */
type OfflineStatus = 'unsupported' | 'preparing' | 'ready';

class OfflineState {
	status = $state<OfflineStatus>('preparing');
	updateWaiting = $state<ServiceWorker | null>(null);
	/**
	 * Another window applied an update: the new version now serves this origin while this page
	 * still runs the old code, whose files are no longer cached. Offer the reload here too.
	 */
	updatedElsewhere = $state(false);

	async register() {
		if (!('serviceWorker' in navigator)) {
			this.status = 'unsupported';
			return;
		}
		try {
			const hadController = navigator.serviceWorker.controller !== null;
			const registration = await navigator.serviceWorker.register('/service-worker.js', {
				type: 'module'
			});
			const track = (worker: ServiceWorker | null) => {
				worker?.addEventListener('statechange', () => {
					if (worker.state === 'installed' && navigator.serviceWorker.controller)
						this.updateWaiting = worker;
				});
			};
			if (registration.waiting && navigator.serviceWorker.controller)
				this.updateWaiting = registration.waiting;
			track(registration.installing);
			registration.addEventListener('updatefound', () => track(registration.installing));
			await navigator.serviceWorker.ready;
			this.status = 'ready';
			// The first install also changes the controller (clients.claim); reload only when the
			// user asked for the new version.
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (this.reloadRequested) location.reload();
				else if (hadController) {
					this.updateWaiting = null;
					this.updatedElsewhere = true;
				}
			});
		} catch {
			this.status = 'unsupported';
		}
	}

	private reloadRequested = false;

	applyUpdate() {
		this.reloadRequested = true;
		if (this.updatedElsewhere) location.reload();
		else this.updateWaiting?.postMessage({ type: 'SKIP_WAITING' });
	}
}

export const offline = new OfflineState();
