/** A process that holds an index's write lock until its stdin closes: `node --import tsx hold-lock.ts DB`. */
import { acquireWriteLock } from '../../src/store/lock.ts';

const lock = acquireWriteLock(process.argv[2]!);
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  lock.release();
  process.exit(0);
});
