// Harness self-test: a failing extension-host "suite" — the shim must exit non-zero.
exports.run = async () => {
  console.log('selftest: about to fail on purpose');
  throw new Error('selftest: deliberate failure');
};
