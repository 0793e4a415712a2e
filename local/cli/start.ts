/**
 * `npm start`: builds the web front end if needed, starts the sandbox on the README's ports,
 * prints one screen (URLs and demo logins), and stops everything it started on Ctrl-C.
 */
import './node-version.ts';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Role } from '#schemas/roles.ts';
import { en } from '#web/src/locales/en.ts';
import { fr } from '#web/src/locales/fr.ts';
import { startSandbox } from '../sandbox.ts';
import { demoLogins, demoPassword } from '../seed/demo-bank.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `Conseiller / Advisor`: each role in both languages, as the web front end names it. */
const roleLabel = (role: Role) =>
  fr.roles[role] === en.roles[role] ? fr.roles[role] : `${fr.roles[role]} / ${en.roles[role]}`;

if (!existsSync(`${root}web/dist/index.html`)) {
  process.stderr.write('Building the web front end (first start only)…\n');
  const build = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const started = Date.now();
process.stderr.write('Starting the Relais sandbox…\n');
const sandbox = await startSandbox({ ports: 'default', channelHistory: true, demoPipeline: true }).catch(
  (error: Error) => {
    process.stderr.write(`\nThe sandbox could not start: ${error.message}\n`);
    process.exit(1);
  },
);

const logins = demoLogins(sandbox.staff);
const width = Math.max(...logins.map((l) => l.username.length));
process.stdout.write(
  [
    '',
    `  Relais sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
    `  Web         ${sandbox.webUrl}`,
    `  Demo site   ${sandbox.demoSiteUrl}   (the bank's public website, with the tracker)`,
    `  API         ${sandbox.apiUrl}   (reference: ${sandbox.apiUrl}/docs)`,
    `  Sign-in     ${sandbox.issuerUrl}`,
    `  Emulator    ${sandbox.awsEndpoint}   (${sandbox.emulatorKind === 'moto' ? 'moto server' : 'AWS_ENDPOINT_URL'})`,
    '',
    `  Demo logins (password for all: ${demoPassword})`,
    ...logins.map(
      (l) =>
        `    ${l.username.padEnd(width)}  ${roleLabel(l.role)}${l.branchId ? `, ${sandbox.branchNames.get(l.branchId) ?? l.branchId}` : ''}`,
    ),
    '',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'),
);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  process.stderr.write('\nStopping the sandbox…\n');
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
