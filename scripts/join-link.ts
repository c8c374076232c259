// Prints a class session's join link (contracts.md §5a), for teachers until the teacher's page exists:
//
//   npx tsx scripts/join-link.ts --levels first-delivery,hostile-neighbour,three-walls \
//     --title "OS class 3-B, week 9" --seed 1234 --minutes 40 [--locale ko] [--hints false] \
//     [--predict false] [--race false] [--id 7K3M9QX2] [--base https://school.example/kernel-courier/]
//
// The session is checked by the one session validator (src/classroom/session.ts); a bad field exits with
// code 2 and says which. The link's session lives in the fragment (#join=…), so no web server sees it.
// `--base` is the address students open the game at (default: the dev server, http://127.0.0.1:5173/).
import { joinLink, makeSessionId, validateSession } from '../src/classroom/session';

const FLAGS = ['levels', 'title', 'seed', 'minutes', 'locale', 'hints', 'predict', 'race', 'id', 'base'] as const;
type Flag = (typeof FLAGS)[number];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Partial<Record<Flag, string>> {
  const out: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i]!.replace(/^--/, '');
    if (!(FLAGS as readonly string[]).includes(name) || argv[i + 1] === undefined) fail(`Unknown option or missing value: ${argv[i]}. Options: ${FLAGS.map((f) => `--${f}`).join(' ')}`);
    out[name as Flag] = argv[i + 1];
    i += 1;
  }
  return out;
}

const bool = (name: string, text: string | undefined): boolean | undefined => {
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') fail(`--${name} is true or false.`);
  return text === 'true';
};
const int = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) fail(`--${name} is a whole number.`);
  return Number(text);
};

const args = parseArgs(process.argv.slice(2));
if (!args.levels) fail('--levels is required: built-in level ids separated by commas, in the order students play them.');
const session: Record<string, unknown> = {
  format: 'kernel-courier/session@1',
  id: args.id ?? makeSessionId(),
  title: args.title,
  levels: args.levels.split(',').map((id) => id.trim()).filter((id) => id !== ''),
  locale: args.locale,
  seed: int('seed', args.seed),
  hints: bool('hints', args.hints),
  predict: bool('predict', args.predict),
  race: bool('race', args.race),
  minutes: int('minutes', args.minutes),
};
for (const key of Object.keys(session)) if (session[key] === undefined) delete session[key];
const checked = validateSession(session);
if (!checked.ok) fail(checked.errors.map((error) => `${error.path || '(session)'}: ${error.message}`).join('\n'));
let base: URL;
try {
  base = new URL(args.base ?? 'http://127.0.0.1:5173/');
} catch {
  fail(`--base is not an address: ${args.base}`);
}
process.stdout.write(`${joinLink(base.toString(), checked.session)}\n`);
