import { createCostExplorerClient } from '../lambda/collect/client';
import { collectLoggedCapture } from '../lambda/collect/cost-explorer';
import { runPipeline } from '../lambda/pipeline';
import { DEFAULT_SETTINGS } from '../lambda/settings/defaults';
import { TEST_CREDENTIALS } from '../test/endpoints/dynalite';

/**
 * Runs in its own process, so its peak memory is the function's alone: the
 * daily run's collection (each page logged as it arrives) and the pure
 * core, against the local Cost Explorer at `url`. Prints one JSON line of
 * timings (ms) and memory (MB).
 */
async function measure(url: string, asOf: string): Promise<void> {
  const client = createCostExplorerClient({ endpoint: url, credentials: TEST_CREDENTIALS });
  const now = () => new Date(`${asOf}T06:00:00Z`);
  const settings = DEFAULT_SETTINGS;

  let start = performance.now();
  const collected = await collectLoggedCapture(client, settings, { asOf, now });
  const collectMs = performance.now() - start;
  client.destroy();

  start = performance.now();
  const report = runPipeline(collected.capture, settings, {
    asOf,
    costExplorerRequests: collected.requests,
  });
  const pipelineMs = performance.now() - start;

  const result = {
    collectMs,
    pipelineMs,
    requests: collected.requests,
    meters: report.footer.metersWatched,
    findings: report.findings.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [url, asOf] = process.argv.slice(2);
if (url === undefined || asOf === undefined) {
  throw new Error('Give the local Cost Explorer URL and the run date.');
}
void measure(url, asOf);
