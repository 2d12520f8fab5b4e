/**
 * State benchmark (npm run bench): turns per second and latency of /api/messages with expectReplies, the server in a
 * child process, autocannon on loopback. Scenarios: the echo bot on memory (the floor), the assistant on memory,
 * on lowdb with no users, and on lowdb with 50,000 prefilled users. Prints a table and the ratios against the targets.
 * BENCH_SECONDS (default 8) sets the length of each run; BENCH_USERS (default 50000) the prefilled users.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { childEnv, startChildServer } from '../storage/child-server';
import { prefillLowdbUsers } from './prefill-users';
import { type LoadResult, runLoad } from './state-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const CONCURRENCY = [1, 10, 100];
const CHANNEL = 'webchat';
const SERVER = path.join(PROJECT_ROOT, 'dist', 'test', 'bench', 'bench-server.js');
const RESULTS = path.join(PROJECT_ROOT, 'test-results', 'bench-state.json');

interface Scenario {
  name: string;
  bot: 'assistant' | 'echo';
  storage: 'memory' | 'lowdb';
  prefill: number;
}

interface ScenarioResult {
  scenario: Scenario;
  runs: LoadResult[];
  rssMb: number;
}

const ALL_SCENARIOS: Scenario[] = [
  { name: 'echo bot, memory', bot: 'echo', storage: 'memory', prefill: 0 },
  { name: 'assistant, memory', bot: 'assistant', storage: 'memory', prefill: 0 },
  { name: 'assistant, lowdb, 0 users', bot: 'assistant', storage: 'lowdb', prefill: 0 },
  { name: `assistant, lowdb, ${USERS.toLocaleString('en')} users`, bot: 'assistant', storage: 'lowdb', prefill: USERS },
];
/** BENCH_ONLY=lowdb runs only the scenarios whose name contains it (the ratios then need the others' results). */
const SCENARIOS = ALL_SCENARIOS.filter((s) => s.name.includes(process.env.BENCH_ONLY ?? ''));

/** Resident memory of a process in MB (Linux /proc; 0 where that is not available). */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc; 0 elsewhere). Unlike turns/s, CPU per turn does not depend on what else runs on the machine. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-state-'));
  try {
    if (scenario.prefill > 0) {
      const started = Date.now();
      const files = await prefillLowdbUsers(dataDir, scenario.prefill, CHANNEL);
      // Flush the prefill's dirty pages now, or their write-back would run during (and slow) the measurement.
      if (process.platform !== 'win32') execFileSync('sync');
      log(`  prefilled ${files.toLocaleString('en')} state files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const env = childEnv({ STORAGE: scenario.storage, DATA_DIR: dataDir, LOG_LEVEL: 'warn', BENCH_BOT: scenario.bot });
    const server = await startChildServer(SERVER, env);
    let peakRss = rssMb(server.child.pid ?? 0);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid ?? 0))), 250);
    try {
      const nextUser = { value: 0 };
      const load = (connections: number, seconds: number) =>
        runLoad({ url: server.url, connections, seconds, channelId: CHANNEL, poolSize: Math.max(USERS, 1), nextUser });
      await load(10, 2); // warm-up: JIT, caches, connection pools
      const runs: LoadResult[] = [];
      for (const connections of CONCURRENCY) {
        const cpuBefore = cpuMs(server.child.pid ?? 0);
        const r = await load(connections, SECONDS);
        r.cpuMsPerTurn = (cpuMs(server.child.pid ?? 0) - cpuBefore) / Math.max(1, r.turnsPerSec * SECONDS);
        runs.push(r);
        log(`  c=${connections}: ${r.turnsPerSec.toFixed(0)} turns/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server CPU ${r.cpuMsPerTurn.toFixed(2)} ms/turn, failures ${r.failures}`);
      }
      return { scenario, runs, rssMb: Math.max(peakRss, rssMb(server.child.pid ?? 0)) };
    } finally {
      clearInterval(sampler);
      await server.kill('SIGTERM');
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);

function table(results: ScenarioResult[]): string[] {
  const lines = [`${'scenario'.padEnd(34)}${pad('c', 5)}${pad('turns/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('CPU ms/turn', 13)}${pad('failed', 8)}${pad('RSS MB', 9)}`];
  for (const { scenario, runs, rssMb: rss } of results) {
    runs.forEach((r, i) => {
      const name = i === 0 ? scenario.name : '';
      const memory = i === 0 ? rss.toFixed(0) : '';
      const cpu = r.cpuMsPerTurn === undefined ? '' : r.cpuMsPerTurn.toFixed(2);
      lines.push(`${name.padEnd(34)}${pad(r.connections, 5)}${pad(r.turnsPerSec.toFixed(0), 10)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(cpu, 13)}${pad(r.failures, 8)}${pad(memory, 9)}`);
    });
  }
  return lines;
}

function targets(results: ScenarioResult[]): string[] {
  const at = (name: string, connections: number): LoadResult => {
    const found = results.find((r) => r.scenario.name === name)?.runs.find((r) => r.connections === connections);
    if (!found) throw new Error(`no result for ${name} at c=${connections}`);
    return found;
  };
  const [echo, , lowdbEmpty, lowdbFull] = ALL_SCENARIOS.map((s) => s.name);
  const verdict = (ok: boolean) => (ok ? 'reached' : 'MISSED');
  const lines: string[] = [];
  for (const c of CONCURRENCY) {
    const ratio = at(lowdbFull, c).turnsPerSec / at(lowdbEmpty, c).turnsPerSec;
    lines.push(`lowdb ${USERS.toLocaleString('en')} users / lowdb 0 users at c=${c}: ${(100 * ratio).toFixed(0)}% (target ≥ 90%: ${verdict(ratio >= 0.9)})`);
  }
  for (const name of [lowdbEmpty, lowdbFull]) {
    const ratio = at(name, 10).turnsPerSec / at(echo, 10).turnsPerSec;
    lines.push(`${name} / echo bot at c=10: ${(100 * ratio).toFixed(0)}% (target ≥ 60%: ${verdict(ratio >= 0.6)})`);
    const p99 = at(name, 10).p99;
    lines.push(`${name} p99 at c=10: ${p99} ms (target ≤ 40 ms: ${verdict(p99 <= 40)})`);
  }
  const rss = Math.max(...results.filter((r) => r.scenario.bot === 'assistant').map((r) => r.rssMb));
  lines.push(`assistant peak RSS: ${rss.toFixed(0)} MB (target ≤ 300 MB: ${verdict(rss <= 300)})`);
  return lines;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  log(`State benchmark: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
  log(`${SECONDS} s per run after a 2 s warm-up; autocannon shares the machine with the server.\n`);
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    log(scenario.name);
    results.push(await runScenario(scenario));
  }
  const report = ['', ...table(results), '', ...(results.length === ALL_SCENARIOS.length ? targets(results) : [])];
  const load = os.loadavg()[0];
  if (load > cpus.length) {
    report.push('', `Warning: load average ${load.toFixed(1)} on ${cpus.length} CPUs: other work shared the machine, so turns/s and latency are low and noisy; CPU ms/turn is the steadier figure.`);
  }
  report.forEach(log);
  await fs.mkdir(path.dirname(RESULTS), { recursive: true });
  await fs.writeFile(RESULTS, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, users: USERS, results }, null, 2));
  log(`\nraw results: ${path.relative(PROJECT_ROOT, RESULTS)}`);
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
