import baseConfig, { browserBundleRules } from '../../eslint.config.mjs';

export default [...baseConfig, browserBundleRules];
