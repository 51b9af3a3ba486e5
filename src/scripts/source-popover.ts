/**
 * Citation popovers (see Cite.astro) work without script: a number opens its source, Escape, a tap outside or
 * the number again close it. This moves the keyboard's focus into a popover as it opens, so a screen reader
 * reads the source at once; closing it returns the focus to the number, as the browser does for popovers.
 */
document.addEventListener(
	'toggle',
	(event) => {
		const popover = event.target;
		if (popover instanceof HTMLElement && popover.classList.contains('source-popover') && (event as ToggleEvent).newState === 'open') popover.focus();
	},
	true,
);
