#!/usr/bin/env node
// Container health probe for Melvin services. The slim base image has no curl or
// wget, so the probe is a few lines of Node (global fetch, Node >= 18).
// Usage: node healthcheck.cjs [path]   (default /health/ready)
// Port from HTTP_PORT (each image sets its own default); exit 0 = healthy.
'use strict';
const path = process.argv[2] || '/health/ready';
const port = process.env.HTTP_PORT || '8000';
const url = `http://127.0.0.1:${port}${path}`;
fetch(url, { signal: AbortSignal.timeout(4000) })
  .then((res) => {
    if (res.status !== 200) console.error(`${url} -> HTTP ${res.status}`);
    process.exit(res.status === 200 ? 0 : 1);
  })
  .catch((err) => {
    console.error(`${url} -> ${err.cause?.code || err.name}: ${err.message}`);
    process.exit(1);
  });
