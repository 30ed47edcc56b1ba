/** Child process of the benchmarks: a bare fastify hello-world, the yardstick for /api/ask. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ url, pid: process.pid }));
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
