import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A real Dovecot IMAP server on 127.0.0.1 for the mail tests (TOOLCHAIN.md, "Real servers in
 * tests"): private base and state folders under a temp folder, plain IMAP on loopback only,
 * users from a passwd-file, mail in Maildir owned by the dovecot user.
 */
export interface TestMailServer {
  readonly host: string;
  readonly port: number;
  /** imap://user@127.0.0.1:port/INBOX for `user`. */
  urlFor(user: string, mailbox?: string): string;
  readonly password: string;
  /** Delivers a raw message into a user's mailbox by IMAP APPEND, as a mail server would. */
  deliver(user: string, raw: string | Uint8Array, mailbox?: string): Promise<void>;
  stop(): void;
}

export const DOVECOT_BINARY = '/usr/sbin/dovecot';

/**
 * Why the mail tests cannot run here, or null when they can. In CI a missing Dovecot is a
 * failure (`.ci/run` installs it), never a silent skip.
 */
export function dovecotUnavailableReason(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  if (found.status !== 0) return 'dovecot is not installed (apt-get install dovecot-imapd)';
  if (process.getuid?.() !== 0) return 'dovecot must be started as root for its login processes to drop privileges';
  return null;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function idOf(name: string): number {
  const run = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  return Number(run.stdout.trim());
}
function groupIdOf(name: string): number {
  const run = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return Number(run.stdout.trim());
}

export async function startDovecot(users: readonly string[], password = 'caucus-night-2026'): Promise<TestMailServer> {
  const root = mkdtempSync(join(tmpdir(), 'tallyroom-dovecot-'));
  chmodSync(root, 0o755);
  const baseDir = join(root, 'run');
  const stateDir = join(root, 'state');
  const mailDir = join(root, 'mail');
  for (const dir of [baseDir, stateDir, mailDir]) mkdirSync(dir, { recursive: true });
  const uid = idOf('dovecot');
  const gid = groupIdOf('dovecot');
  chownSync(mailDir, uid, gid);
  const port = await freePort();
  writeFileSync(join(root, 'passwd'), users.map((user) => `${user}:{PLAIN}${password}::::::\n`).join(''));
  const config = join(root, 'dovecot.conf');
  writeFileSync(
    config,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${baseDir}
state_dir = ${stateDir}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:${mailDir}/%u
log_path = ${root}/dovecot.log
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${root}/passwd
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=${mailDir}/%u
}
`,
  );
  // Dovecot daemonizes: with inherited pipes spawnSync would wait for the daemon, so output goes to its log.
  const started = spawnSync(DOVECOT_BINARY, ['-c', config], { stdio: 'ignore' });
  if (started.status !== 0) {
    const log = existsSync(join(root, 'dovecot.log')) ? readFileSync(join(root, 'dovecot.log'), 'utf8') : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`dovecot did not start (exit ${started.status}): ${log}`);
  }
  await waitForPort(port);
  const host = '127.0.0.1';
  return {
    host,
    port,
    password,
    urlFor: (user, mailbox = 'INBOX') => `imap://${encodeURIComponent(user)}@${host}:${port}/${mailbox}`,
    async deliver(user, raw, mailbox = 'INBOX') {
      const client = new ImapFlow({ host, port, secure: false, auth: { user, pass: password }, logger: false });
      await client.connect();
      try {
        await client.append(mailbox, typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw));
      } finally {
        await client.logout();
      }
    },
    stop() {
      const pidFile = join(baseDir, 'master.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
        waitForExit(pid);
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  const { connect } = await import('node:net');
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on 127.0.0.1:${port}`);
}

function waitForExit(pid: number): void {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.05']);
  }
}
