module.exports = require('../../../tools/jest/node-project.config.cjs')(__dirname);
