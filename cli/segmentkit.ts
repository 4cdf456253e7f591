/**
 * `npx segmentkit`: the command line. `segmentkit rfm <orders>` scores customers as RFM_TABLE does (rfm.ts);
 * `segmentkit sql <method> --dialect duckdb|postgres|bigquery` prints the query core/sql generates.
 * Exit codes: 0 done, 1 an input that cannot be used (a message naming the file, column, row and the fix, in
 * --lang en|vi), 2 a wrong command or option.
 *
 * @example
 *   npx segmentkit rfm orders.csv --as-of 2025-12-31 --lang vi --out customers.xlsx
 *   npx segmentkit sql RFM_TABLE --dialect bigquery --bins 4
 */
import { parseArgs } from 'node:util';
import { extname } from 'node:path';
import { readDate } from '../core/cells.js';
import { serialToIso } from '../core/dates.js';
import type { Lang } from '../core/labels.js';
import { MAX_BINS, MIN_BINS } from '../core/methods/rfm.js';
import { DIALECT_NAMES, SQL_METHODS, sqlFor, type DialectName, type SqlMethod } from '../core/sql/index.js';
import { runRfm } from './rfm.js';
import { CliError, cliText, HELP, usageError } from './text.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  'as-of': { type: 'string' },
  bins: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  dialect: { type: 'string' },
  table: { type: 'string' },
  customer: { type: 'string' },
  date: { type: 'string' },
  revenue: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  'order-id': { type: 'string' },
  'no-order-id': { type: 'boolean' },
  threads: { type: 'string' },
} as const;

/** The language asked for, read before anything else so even a usage error speaks it. */
function langOf(argv: readonly string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  return value?.toLowerCase() === 'vi' ? 'vi' : 'en';
}

function readBins(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const bins = Number(text);
  if (!Number.isInteger(bins) || bins < MIN_BINS || bins > MAX_BINS) {
    throw usageError('badBins', { text, min: MIN_BINS, max: MAX_BINS });
  }
  return bins;
}

/** --as-of as an ISO date: ISO, 8 digits, or day/month/year that shows its order by itself. */
function readAsOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const serial = readDate(text);
  if (typeof serial !== 'number') throw usageError('badAsOf', { text });
  return serialToIso(serial);
}

async function main(argv: readonly string[], lang: Lang): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError('badOption', { why: error instanceof Error ? error.message : String(error) });
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${HELP[lang]}\n`);
    return values.help ? 0 : 2;
  }
  if (values.lang !== undefined && !['en', 'vi'].includes(values.lang.toLowerCase())) {
    throw usageError('badLang', { text: values.lang });
  }
  const [command, ...rest] = positionals;
  const bins = readBins(values.bins);
  const asOf = readAsOf(values['as-of']);
  if (command === 'sql') {
    const method = (rest[0] ?? '').toUpperCase() as SqlMethod;
    if (!SQL_METHODS.includes(method)) {
      throw usageError('badMethod', { text: rest[0] ?? '', methods: SQL_METHODS.join(', ') });
    }
    const dialect = (values.dialect ?? 'duckdb').toLowerCase() as DialectName;
    if (!DIALECT_NAMES.includes(dialect)) {
      throw usageError('badDialect', { text: values.dialect ?? '', dialects: DIALECT_NAMES.join(', ') });
    }
    const options = {
      lang,
      ...(values.table !== undefined ? { table: values.table } : {}),
      ...(method === 'RFM_TABLE' && asOf !== undefined ? { asOf } : {}),
      ...(method === 'RFM_TABLE' && bins !== undefined ? { bins } : {}),
    };
    let sql: string;
    try {
      sql = sqlFor(method, dialect, options);
    } catch (error) {
      throw usageError('badOption', { why: error instanceof Error ? error.message : String(error) });
    }
    process.stdout.write(`${sql};\n`);
    return 0;
  }
  if (command !== 'rfm') throw usageError('unknownCommand', { command: command ?? '' });
  const input = rest[0];
  if (input === undefined) throw usageError('noInput');
  const out = values.out ?? 'customers.csv';
  if (!['.csv', '.xlsx'].includes(extname(out).toLowerCase())) throw usageError('badOutput', { text: out });
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  await runRfm({
    input,
    out,
    lang,
    quiet: values.quiet ?? false,
    noOrderId: values['no-order-id'] ?? false,
    columns: {
      customer: values.customer,
      orderDate: values.date,
      revenue: values.revenue,
      quantity: values.quantity,
      price: values.price,
      orderId: values['order-id'],
    },
    ...(asOf !== undefined ? { asOf } : {}),
    ...(bins !== undefined ? { bins } : {}),
    ...(threads !== undefined && Number.isInteger(threads) && threads > 0 ? { threads } : {}),
  });
  return 0;
}

/** Runs the command line on `argv` (without node and the script); resolves to the exit code. */
export async function segmentkit(argv: readonly string[]): Promise<number> {
  const lang = langOf(argv);
  try {
    return await main(argv, lang);
  } catch (error) {
    if (error instanceof CliError) {
      const text =
        error.exitCode === 2 ? cliText('usage', lang, { why: error.messageIn(lang) }) : error.messageIn(lang);
      process.stderr.write(`segmentkit: ${text}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

const self = process.argv[1] ?? '';
if (/segmentkit(\.[cm]?[jt]s)?$/.test(self)) {
  process.exitCode = await segmentkit(process.argv.slice(2));
}
