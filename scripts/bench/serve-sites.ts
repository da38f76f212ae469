// Child process that serves the benchmark's generated sites, so the Node process being measured holds only
// the pipeline (the servers' memory and event loop are not billed to it). Talks over the fork IPC channel:
// it sends {type:'ready', sites, caPem} once listening and closes the servers on {type:'close'}.
import { fixtureTargets, startGeneratedSites } from '@egov-monitor/fixtures';

const sites = Number(process.env.BENCH_SITES ?? '40');
const pagesPerSite = Number(process.env.BENCH_PAGES ?? '10');

const running = await startGeneratedSites({ sites, pagesPerSite });
process.send?.({
  type: 'ready',
  sites: fixtureTargets(running.sites),
  caPem: running.caPem,
});
const shutdown = async () => {
  await running.close();
  process.exit(0);
};
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'close') void shutdown();
});
// The parent died without saying goodbye: do not keep the ports open.
process.on('disconnect', () => void shutdown());
