/**
 * The offline control in the footer (OfflineControl.astro) and the service worker it talks to
 * (src/offline/service-worker.ts). The worker registers once the page has loaded and the browser is idle, so
 * it never delays the first visit. Then the control shows what is saved, saves the whole atlas on request
 * with its progress, removes it, and says when a new version of the atlas is there (offering a reload);
 * a saved copy of an older version is brought up to date by itself, and replaces the old one when complete.
 */
import { siteBase } from '../lib/url.ts';
import { formatBytes, OFFLINE_PAGE, SERVICE_WORKER, type OfflineReply, type OfflineRequest } from '../lib/offline.ts';
import { formatDate } from '../lib/dates.ts';
import { pageLang, ui } from './ui.ts';

const section = document.querySelector<HTMLElement>('[data-offline]');
const base = siteBase();

if (section && 'serviceWorker' in navigator && !import.meta.env.DEV) {
	const status = section.querySelector<HTMLElement>('[data-offline-status]')!;
	const progress = section.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
	const saveButton = section.querySelector<HTMLButtonElement>('[data-offline-save]')!;
	const removeButton = section.querySelector<HTMLButtonElement>('[data-offline-remove]')!;
	const reloadButton = section.querySelector<HTMLButtonElement>('[data-offline-reload]')!;
	let size = '';

	const send = async (message: OfflineRequest) => (await navigator.serviceWorker.ready).active?.postMessage(message);
	const say = (text: string) => (status.textContent = text);

	navigator.serviceWorker.addEventListener('message', (event) => {
		const m = event.data as OfflineReply;
		if (m.type === 'status') {
			size = ui('offlineSize', { bytes: formatBytes(m.bytes), files: m.files });
			saveButton.textContent = ui('offlineSaveSize', { size });
			if (m.saving) say(ui('offlineSaving'));
			else if (m.saved && m.saved.build !== m.build) {
				say(ui('offlineUpdating'));
				void send({ type: 'save' });
			} else if (m.saved) showSaved(m.saved.savedAt, m.saved.bytes);
		} else if (m.type === 'progress') {
			progress.hidden = false;
			progress.value = m.done / m.total;
			saveButton.disabled = true;
			say(ui('offlineProgress', { done: m.done, total: m.total, bytes: formatBytes(m.bytes), totalBytes: formatBytes(m.totalBytes) }));
		} else if (m.type === 'saved') showSaved(m.saved.savedAt, m.saved.bytes);
		else if (m.type === 'removed') {
			removeButton.hidden = true;
			saveButton.hidden = false;
			saveButton.disabled = false;
			say(ui('offlineRemoved'));
		} else if (m.type === 'failed') {
			progress.hidden = true;
			saveButton.disabled = false;
			say(ui('offlineStopped', { message: m.message }));
		} else if (m.type === 'outdated') offerReload();
	});

	function showSaved(savedAt: string, bytes: number) {
		progress.hidden = true;
		saveButton.hidden = true;
		removeButton.hidden = false;
		say(ui('offlineSaved', { bytes: formatBytes(bytes), date: formatDate(new Date(savedAt), pageLang()) }));
	}
	function offerReload() {
		reloadButton.hidden = false;
		say(ui('offlineNewVersion'));
	}

	saveButton.addEventListener('click', () => {
		saveButton.disabled = true;
		say(ui('offlineSavingSize', { size }));
		void send({ type: 'save' });
	});
	removeButton.addEventListener('click', () => void send({ type: 'remove' }));
	reloadButton.addEventListener('click', () => location.reload());

	const register = async () => {
		const hadController = !!navigator.serviceWorker.controller;
		const registration = await navigator.serviceWorker.register(`${base}${SERVICE_WORKER}`, { scope: base });
		section.hidden = false;
		// A new build's worker takes over at once (see the worker): say so, offer a reload, and bring a saved
		// copy up to date with the new worker.
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (hadController) offerReload();
			void send({ type: 'status' });
		});
		// Look for a new build now (the browser does on some navigations, not all).
		void registration.update().catch(() => {});
		void send({ type: 'status' });
	};
	// A browser may refuse service workers (a private window, a policy): the control then stays hidden.
	const start = () => register().catch(() => {});
	const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void start()) : setTimeout(() => void start(), 1000));
	if (document.readyState === 'complete') whenIdle();
	else addEventListener('load', whenIdle, { once: true });
}

// On the offline page: the pages this device has, from the saved atlas and the pages read.
const list = document.querySelector<HTMLUListElement>('[data-offline-pages]');
// It is shown at the address of the page that is missing, so it is found by its list, not its path.
if (list && 'caches' in window) {
	void (async () => {
		const paths = new Set<string>();
		for (const key of await caches.keys())
			if (/^atlas-(saved|read)/.test(key)) for (const request of await (await caches.open(key)).keys()) {
				const url = new URL(request.url);
				if (url.origin === location.origin && url.pathname.endsWith('/') && !url.pathname.endsWith(`/${OFFLINE_PAGE}`)) paths.add(url.pathname);
			}
		for (const path of [...paths].sort()) {
			if (path === base) continue;
			const item = document.createElement('li');
			const link = document.createElement('a');
			link.href = path;
			link.textContent = decodeURIComponent(path.slice(base.length, -1)).replaceAll('/', ' › ').replaceAll('-', ' ');
			item.append(link);
			list.append(item);
		}
	})();
}
