import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCaptureText } from './demo-capture';

/** Where the bundled demo capture lives; `npm run demo` scans it. */
export const DEMO_CAPTURE_PATH = join(__dirname, 'demo-capture.json');

function main(): void {
  const text = demoCaptureText();
  writeFileSync(DEMO_CAPTURE_PATH, text);
  process.stdout.write(`Wrote ${DEMO_CAPTURE_PATH} (${Math.round(text.length / 1024)} KiB).\n`);
}

if (require.main === module) main();
