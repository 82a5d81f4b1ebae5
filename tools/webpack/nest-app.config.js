const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join } = require('path');

/**
 * One webpack setup for every Nest deployable. `tsc` (not esbuild/swc) keeps the decorator
 * metadata Nest's dependency injection reads; the generated package.json lists only the
 * dependencies the bundle really imports, which the Docker image installs.
 */
module.exports = function nestAppWebpackConfig(appDir, { additionalEntryPoints = [] } = {}) {
  return {
    output: {
      path: join(appDir, '../../dist/apps', basename(appDir)),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        // Extra bundles next to main.js, such as worker-thread scripts: [{ entryName, entryPath }].
        additionalEntryPoints,
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
};
