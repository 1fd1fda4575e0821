// Another program on the server's database file, as a backup tool or a curious operator would be:
// a separate process that holds the write lock (BEGIN IMMEDIATE) or a read transaction (which pins
// the WAL: no checkpoint can empty it) until it is released or its time is up.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const SCRIPT = `
const Database = require('better-sqlite3');
const [file, mode, ms] = process.argv.slice(1);
const db = new Database(file, { timeout: 10000 });
if (mode === 'write') db.exec('BEGIN IMMEDIATE');
else { db.exec('BEGIN'); db.prepare('SELECT count(*) FROM sqlite_master').get(); db.prepare('SELECT count(*) FROM secret_ballots').get(); }
process.stdout.write('held\\n');
const release = () => { try { db.exec('ROLLBACK'); db.close(); } finally { process.exit(0); } };
setTimeout(release, Number(ms));
process.stdin.on('data', release);
`;

export class DbHolder {
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts holding `mode` on `file` for at most `ms`; resolves once the lock is held. */
  static async hold(file: string, mode: 'write' | 'read', ms: number): Promise<DbHolder> {
    const child = spawn(process.execPath, ['-e', SCRIPT, file, mode, String(ms)], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const holder = new DbHolder(child);
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the holder did not get its lock: ${err}`)), 15_000);
      child.stdout?.setEncoding('utf8').on('data', (c: string) => {
        if (c.includes('held')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the holder exited (${code}) before holding: ${err}`));
      });
    });
    return holder;
  }

  /** Ends the transaction and the process; resolves once it is gone. */
  async release(): Promise<void> {
    this.child.stdin?.write('x');
    await this.exited;
  }

  /** Resolves when the holder has let go by itself (its time was up). */
  done(): Promise<void> {
    return this.exited;
  }
}
