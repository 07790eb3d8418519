import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capture } from '../../lambda/collect/capture';
import { costAndUsagePages } from '../../samples/cost-explorer-pages';
import { daysEndingOn } from '../../samples/dates';

const tempFolders: string[] = [];

// Every test file that writes captures removes them when it is done.
afterAll(() => {
  for (const folder of tempFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export const SMALL_LAST_DAY = '2026-03-19';
const DAYS = 28;

/**
 * A 28-day capture of two meters: Nova Pro input tokens at $40 a day that
 * jump to $400 on the last complete day (2026-03-18), and a SageMaker
 * endpoint at a flat $170.16. The newest day is estimated.
 */
export function smallCapture(): Capture {
  const days = daysEndingOn(SMALL_LAST_DAY, DAYS);
  const nova = days.map((day) => (day === '2026-03-18' ? 400 : 40));
  const endpoint = days.map(() => 170.16);
  return {
    GetCostAndUsage: [
      ...costAndUsagePages({
        days,
        estimatedDays: 1,
        groupsPerPage: 20,
        groups: [
          {
            keys: ['Amazon Bedrock', 'USE1-NovaPro-input-tokens'],
            unit: 'Units',
            cost: nova,
            usage: nova.map((cost) => cost / 0.0008),
          },
          {
            keys: ['Amazon SageMaker', 'USE1-Host:ml.g5.12xlarge'],
            unit: 'Hrs',
            cost: endpoint,
            usage: endpoint.map(() => 24),
          },
        ],
      }),
    ],
  };
}

/** Writes `content` (a capture, or any text) to a new temporary file and returns its path. */
export function writeTempFile(content: Capture | string, name = 'capture.json'): string {
  const folder = mkdtempSync(join(tmpdir(), 'watchdog-scan-'));
  tempFolders.push(folder);
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
