module.exports = require('../../tools/webpack/nest-app.config')(__dirname);
