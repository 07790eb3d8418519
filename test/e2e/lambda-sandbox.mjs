// One Lambda execution environment for the function bundle, as the Node.js
// runtime runs it: the handler's module is imported once (the cold start),
// then each invocation gets its event and a context object, one after the
// other, and its result or error is recorded. Each invocation runs on a clock
// set to the moment it names, so that a past day can be replayed.
//
//   node lambda-sandbox.mjs <spec.json> <result.json>

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [specPath, resultPath] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

const RealDate = globalThis.Date;
let offsetMs = 0;
class SandboxDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offsetMs;
  }
}
// `Date()` called without `new` gives the time as text.
globalThis.Date = new Proxy(SandboxDate, {
  apply: () => new SandboxDate().toString(),
});
const setClock = (at) => {
  offsetMs = RealDate.parse(at) - RealDate.now();
};

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

setClock(spec.invocations[0]?.at ?? new RealDate().toISOString());
const importStarted = performance.now();
const module = await import(pathToFileURL(spec.entry).href);
const importMs = performance.now() - importStarted;
const handler = module[spec.exportName];

const outcomes = [];
for (const invocation of spec.invocations) {
  setClock(invocation.at);
  outcomes.push(await invoke(invocation));
  if (outcomes.at(-1).errorType === 'Sandbox.Timedout') break;
}
writeFileSync(resultPath, JSON.stringify({ importMs, outcomes, unhandled }));
// The runtime freezes the environment after a response; here it simply ends.
process.exit(0);

async function invoke(invocation) {
  const deadline = Date.now() + spec.timeoutSeconds * 1000;
  const context = {
    awsRequestId: invocation.requestId,
    functionName: spec.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${spec.region}:123456789012:function:${spec.functionName}`,
    memoryLimitInMB: String(spec.memoryMb),
    logGroupName: `/aws/lambda/${spec.functionName}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const started = performance.now();
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          errorType: 'Sandbox.Timedout',
          errorMessage: `Task timed out after ${spec.timeoutSeconds} seconds`,
        }),
      spec.timeoutSeconds * 1000,
    );
  });
  const ran = Promise.resolve()
    .then(() => handler(invocation.event, context))
    .then(
      (value) => ({ ok: true, value: JSON.parse(JSON.stringify(value ?? null)) }),
      (error) => ({
        ok: false,
        errorType: error?.name ?? 'Error',
        errorMessage: error?.message ?? String(error),
      }),
    );
  const outcome = await Promise.race([ran, timedOut]);
  clearTimeout(timer);
  return { ...outcome, durationMs: performance.now() - started };
}
