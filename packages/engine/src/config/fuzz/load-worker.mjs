// A worker thread that loads integration sources for the fuzz test. Running the loader off the test's thread
// lets the test enforce its per-case time limit for real: a synchronous hang cannot be interrupted by a timer,
// but a worker can be terminated.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { loadIntegrationSource } = await import('../load-integration.ts');

parentPort.on('message', async ({ id, text }) => {
  try {
    const integration = await loadIntegrationSource(text, 'fuzz.yaml');
    parentPort.postMessage({ id, kind: 'valid', name: integration.name });
  } catch (error) {
    if (error?.code === 'SB_ERR_CONFIG_INVALID') {
      parentPort.postMessage({ id, kind: 'invalid', issues: error.details.issues });
    } else {
      parentPort.postMessage({ id, kind: 'crash', message: String(error?.stack ?? error) });
    }
  }
});
// Compile the schema validator now so no case pays for it.
try {
  await loadIntegrationSource('{}', 'warm-up.yaml');
} catch {}
parentPort.postMessage({ kind: 'ready' });
