/**
 * Network profiles for the benchmarks and the tests that stand for a phone network. `slow4g` is Lighthouse's
 * mobile "Slow 4G" as it models it (150 ms round trip, 1.6 Mbps down, 750 kbps up), applied with Chrome
 * DevTools' network emulation (`Network.emulateNetworkConditions`: a latency added to every request, and the
 * throughput shared by all requests in flight).
 */
export const NETWORKS = {
	fast: null,
	slow4g: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
