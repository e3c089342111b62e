// Preloaded (NODE_OPTIONS=--require) into the CLI by a robustness test: every worker thread the
// CLI starts is ended as soon as it is up, so the test can check that the main thread finishes
// the batch alone — without a hook for it in the CLI's own code.
const threads = require('node:worker_threads');
if (threads.isMainThread) {
  const Started = threads.Worker;
  threads.Worker = class DyingWorker extends Started {
    constructor(...args) {
      super(...args);
      this.once('online', () => void this.terminate());
    }
  };
}
