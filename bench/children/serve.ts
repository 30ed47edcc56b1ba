/**
 * Child process of the benchmarks: the real server (startServer, as `npm start` runs it) on a free
 * port, over the index in GONGKAI_DB. Prints one JSON line {"url": …} once listening; stops on SIGTERM.
 */
import { startServer } from '../../src/bot/main.ts';

const running = await startServer(process.env, { host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url: running.url, pid: process.pid }));
process.once('SIGTERM', () => {
  running.stop().then(() => process.exit(0));
});
