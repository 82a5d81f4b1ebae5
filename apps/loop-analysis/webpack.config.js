// The deck search's worker thread is its own bundle, loaded from next to main.js.
module.exports = require('../../tools/webpack/nest-app.config')(__dirname, {
  additionalEntryPoints: [{ entryName: 'card-pool.worker', entryPath: './src/app/analysis/card-pool.worker.ts' }],
});
