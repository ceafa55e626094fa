/**
 * Run before `npm test` (npm's pretest): make sure the browser the tests
 * drive is there, the way `playwright install --with-deps` would. Debian's
 * Chromium (/usr/bin/chromium, or CHROMIUM_PATH) is used as it is; when it
 * is missing it is installed with apt-get as root (or with sudo that needs
 * no password); otherwise the command to run is printed and the tests stop.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

function main(): number {
  if (existsSync(chromium)) return 0;
  if (process.env.CHROMIUM_PATH) {
    console.error(
      `CHROMIUM_PATH=${chromium} does not exist: point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium`,
    );
    return 1;
  }
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (hasApt && (root || sudo)) {
    console.log(
      "Chromium is missing: installing Debian's chromium with apt-get (once) for the browser tests",
    );
    const prefix = root ? [] : ['sudo', '-n'];
    const [cmd, ...rest] = [...prefix, 'apt-get'];
    if (
      !run(cmd!, [...rest, 'update', '-qq']) ||
      !run(cmd!, [...rest, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'])
    ) {
      console.error(
        'apt-get could not install chromium; install it by hand: sudo apt-get install -y chromium',
      );
      return 1;
    }
    if (existsSync(chromium)) return 0;
    console.error(`apt-get finished but ${chromium} is still missing`);
    return 1;
  }
  console.error(
    `The browser tests need Chromium at ${chromium}: run \`sudo apt-get install -y chromium\` once (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.`,
  );
  return 1;
}

process.exitCode = main();
