/**
 * Preloaded into an API server that a test starts as a child process
 * (`node --import tsx --import …/die-with-parent.ts apps/api/src/main.ts`, stdin a pipe from the
 * test): when the test process goes, however it goes (a failure, Ctrl-C, SIGKILL), the pipe
 * closes, and the server shuts down as on SIGTERM, or is killed if that hangs. A server left
 * behind would hold its port and its database connections.
 */
let leaving = false;
const leave = () => {
  if (leaving) return;
  leaving = true;
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => process.exit(1), 5_000).unref();
};
process.stdin.on("end", leave);
process.stdin.on("close", leave);
process.stdin.on("error", leave);
process.stdin.resume();
