// Runs s3rver (an S3-compatible server over HTTP, from the npm registry) for the tests on 127.0.0.1.
// Usage: node serve.js <s3rver-install-dir> <data-dir> [port] [pid-to-follow]
// Prints "S3 http://127.0.0.1:<port>" once listening; exits when the followed process ends (a test run that dies
// takes its server with it).
'use strict';
const path = require('path');
const [installDir, dataDir, port = '0', followPid] = process.argv.slice(2);
const S3rver = require(path.join(installDir, 'node_modules', 's3rver'));

new S3rver({ address: '127.0.0.1', port: Number(port), directory: dataDir, silent: true, vhostBuckets: false })
  .run()
  .then(({ address, port }) => console.log(`S3 http://${address}:${port}`))
  .catch((e) => { console.error(e); process.exit(1); });

if (followPid) {
  setInterval(() => {
    try { process.kill(Number(followPid), 0); } catch { process.exit(0); }
  }, 1000).unref();
}
process.on('SIGTERM', () => process.exit(0));
