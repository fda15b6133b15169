// Browser smoke test: one real user journey through a real Steward server in headless Chromium.
//
//   node tests/browser/smoke.mjs build/steward
//
// Checks that the public page renders the demo register, that a member of staff can sign in
// and add a service through the HTML form (CSRF token, radios, checkboxes, date parts), and
// that the new service then shows up on the public page. Everything runs against a throwaway
// database in a temporary directory; on failure that directory (with screenshots and the
// server's output) is kept and its path printed.

import { chromium } from 'playwright-core';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCHOOL = 'crook-primary';
const PUBLISHED = `/schools/${SCHOOL}/cloud-services`;
const REGISTER = `/schools/${SCHOOL}/services`;
const NEW_SERVICE = 'Browser Test Reader';
const DEMO_SERVICE_COUNT = 15;

// Every wait is bounded so a hang becomes a failure, not a stuck CI job.
const TOTAL_BUDGET_MS = 55_000;
const STARTUP_BUDGET_MS = 10_000;
const ACTION_TIMEOUT_MS = 5_000;
const NAVIGATION_TIMEOUT_MS = 10_000;

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  timeout: 20_000,
  // No sandbox/GPU in containers; the rest stops Chromium phoning home, which stalls offline.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

class TestFailure extends Error {}

function check(condition, message) {
  if (!condition) throw new TestFailure(message);
}

function step(message) {
  console.log(`ok - ${message}`);
}

// --- server process -------------------------------------------------------------------------

function runInit(steward, db) {
  return new Promise((resolve, reject) => {
    execFile(steward, ['init', '--db', db, '--demo'], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new TestFailure(`steward init failed: ${error.message}\n${stdout}${stderr}`));
        return;
      }
      // The demo prints "Log in as <EMAIL> with password: <PW>"; both are needed to sign in.
      const match = stdout.match(/Log in as (\S+) with password: (\S+)/);
      if (!match) {
        reject(new TestFailure(`steward init printed no "Log in as ... with password: ..." line:\n${stdout}`));
        return;
      }
      resolve({ email: match[1], password: match[2] });
    });
  });
}

// Ask the kernel for an unused port, then release it for the server. There is a tiny race
// with other processes, acceptable for a test on loopback.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startServer(steward, db, port) {
  const child = spawn(steward, ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, output: '', exited: false };
  child.stdout.on('data', (chunk) => { server.output += chunk; });
  child.stderr.on('data', (chunk) => { server.output += chunk; });
  child.on('exit', () => { server.exited = true; });
  // If the test itself dies (watchdog, uncaught error), never leave a server behind.
  process.on('exit', () => { if (!server.exited) child.kill('SIGKILL'); });
  return server;
}

async function waitHealthy(server, baseUrl) {
  const deadline = Date.now() + STARTUP_BUDGET_MS;
  while (Date.now() < deadline) {
    check(!server.exited, `steward serve exited during startup:\n${server.output}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200 && (await response.text()).trim() === 'ok') return;
    } catch {
      // Not listening yet; try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new TestFailure(`GET /healthz did not answer 200 "ok" within ${STARTUP_BUDGET_MS} ms:\n${server.output}`);
}

// SIGTERM is how operators stop Steward; fall back to SIGKILL so cleanup always finishes.
async function stopServer(server) {
  if (server.exited) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 3_000))]);
  if (!graceful) {
    console.log('warning - steward serve ignored SIGTERM for 3 s; killing it');
    server.child.kill('SIGKILL');
    await exited;
  }
}

// --- browser journey ------------------------------------------------------------------------

async function openPublishedPage(page, baseUrl) {
  const response = await page.goto(`${baseUrl}${PUBLISHED}`);
  check(response.status() === 200, `GET ${PUBLISHED} returned ${response.status()}`);
}

function serviceHeadings(page) {
  return page.locator('main h3');
}

function pupilsSection(page) {
  return page.locator('section', {
    has: page.getByRole('heading', { name: 'Services for Pupils or Parents', exact: true }),
  });
}

async function checkDemoPublishedPage(page, baseUrl) {
  await openPublishedPage(page, baseUrl);
  const count = await serviceHeadings(page).count();
  check(count === DEMO_SERVICE_COUNT, `published page lists ${count} services, expected ${DEMO_SERVICE_COUNT}`);
  check(await page.getByText('Accelerated Reader').first().isVisible(),
    'published page does not show "Accelerated Reader"');
  // The name must be new, or the later "it appeared" check would prove nothing.
  check(!(await page.content()).includes(NEW_SERVICE), `"${NEW_SERVICE}" is already published`);
  step(`published page lists ${DEMO_SERVICE_COUNT} demo services including Accelerated Reader`);
}

async function signIn(page, baseUrl, { email, password }) {
  await page.goto(`${baseUrl}/login`);
  check(await page.locator('input[type=hidden][name=csrf_token]').count() === 1,
    'login form has no hidden csrf_token input');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === REGISTER),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  step(`signed in as ${email} and landed on ${REGISTER}`);
}

async function addService(page, baseUrl) {
  const formUrl = `${baseUrl}${REGISTER}/new`;
  const response = await page.goto(formUrl);
  check(response.status() === 200, `GET ${REGISTER}/new returned ${response.status()}`);
  check(await page.locator('select[name=status]').inputValue() === 'in_use',
    'status select does not default to "in_use", so the service would not be published');

  await page.locator('input[name=name]').fill(NEW_SERVICE);
  await page.locator('input[name=section][value=pupils]').check();
  await page.locator('textarea[name=providers]').fill('Example Reading Ltd');
  await page.locator('input[name=website]').fill('https://example.org/');
  await page.locator('textarea[name=purposes]').fill('Tracking reading practice');
  // Tick by the visible label, as a person would; this also proves the label is wired up.
  await page.getByRole('checkbox', { name: 'full name', exact: true }).check();
  await page.locator('textarea[name=description]').fill('Added by the browser smoke test.');
  await page.locator('input[name="risk_assessment_date-day"]').fill('1');
  await page.locator('input[name="risk_assessment_date-month"]').fill('9');
  await page.locator('input[name="risk_assessment_date-year"]').fill('2025');

  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith(`${REGISTER}/`) && !url.pathname.endsWith('/new')),
    page.getByRole('button', { name: 'Save service' }).click(),
  ]);
  check(await page.getByText(NEW_SERVICE).first().isVisible(),
    `service page ${page.url()} does not show "${NEW_SERVICE}"`);
  step(`added "${NEW_SERVICE}" and was redirected to ${new URL(page.url()).pathname}`);
}

async function checkNewServicePublished(page, baseUrl, tmp) {
  await openPublishedPage(page, baseUrl);
  await page.screenshot({ path: path.join(tmp, 'published.png'), fullPage: true });
  const count = await serviceHeadings(page).count();
  check(count === DEMO_SERVICE_COUNT + 1,
    `published page lists ${count} services after adding one, expected ${DEMO_SERVICE_COUNT + 1}`);
  const section = pupilsSection(page);
  check(await section.count() === 1, 'published page has no single "Services for Pupils or Parents" section');
  check(await section.locator('h3', { hasText: NEW_SERVICE }).count() === 1,
    `"${NEW_SERVICE}" is not listed in the pupils section of the published page`);
  step(`published page now lists ${DEMO_SERVICE_COUNT + 1} services, "${NEW_SERVICE}" under pupils`);
}

// The point of it all: import a roll, record a parent's opt-out, and see the export leave the
// pupil out.
const ROLL = [
  'UPN,Legal Surname,Legal Forename,DOB,Gender,Year,Reg Group',
  'B801200005001,Khan,Arthur,2019-03-20,M,2,2B',
  'R674123101121,Smith,Olivia,2019-05-02,F,2,2B',
].join('\n') + '\n';

async function importPupils(page, baseUrl) {
  await page.goto(`${baseUrl}/schools/${SCHOOL}/pupils/import`);
  await page.setInputFiles('#file', { name: 'roll.csv', mimeType: 'text/csv', buffer: Buffer.from(ROLL) });
  await page.uncheck('#dry_run');
  await page.click('button:has-text("Upload")');
  check(await page.getByText('Pupils imported').count() === 1, 'the import did not report "Pupils imported"');
  step('imported two pupils from a CSV upload');
}

async function recordOptOut(page, baseUrl) {
  await page.goto(`${baseUrl}/schools/${SCHOOL}/pupils?q=Khan`);
  await page.click('a:has-text("Arthur Khan")');
  await page.click('a:has-text("Record an opt-out")');
  await page.getByLabel('ClassDojo', { exact: true }).check();
  await page.fill('#decided_by', 'Kelly Khan');
  await page.fill('#relationship', 'Mother');
  await page.click('button:has-text("Record opt-out")');
  check(await page.getByText('Kelly Khan (Mother)').count() === 1, 'the opt-out is not shown on the pupil\'s page');
  step('recorded a parent\'s opt-out of ClassDojo for Arthur Khan');
}

async function exportLeavesPupilOut(page, baseUrl) {
  await page.goto(`${baseUrl}${REGISTER}`);
  await page.click('a:has-text("ClassDojo")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download export")')]);
  const file = await download.path();
  const csv = (await import('node:fs')).readFileSync(file, 'utf8');
  check(csv.startsWith('forename,surname'), `the export has other columns: ${csv.split('\n')[0]}`);
  check(csv.includes('Olivia') && !csv.includes('Arthur'), 'the export does not leave the opted-out pupil out');
  step('the ClassDojo export holds only names, and only the pupil who was not opted out');
}

// --- driver ---------------------------------------------------------------------------------

async function main() {
  const stewardArg = process.argv[2];
  if (!stewardArg) {
    console.error('usage: node tests/browser/smoke.mjs PATH/TO/steward');
    return false;
  }
  const steward = path.resolve(stewardArg);
  const tmp = await mkdtemp(path.join(tmpdir(), 'steward-smoke-'));
  let server = null;
  let browser = null;
  let page = null;
  let passed = false;

  // A last line of defence: if anything hangs past the budget, fail loudly. The exit hook in
  // startServer kills the server, and Playwright kills Chromium when this process exits.
  const watchdog = setTimeout(() => {
    console.error(`FAIL: smoke test exceeded ${TOTAL_BUDGET_MS} ms; temp dir kept at ${tmp}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }, TOTAL_BUDGET_MS);

  try {
    const db = path.join(tmp, 's.db');
    const login = await runInit(steward, db);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startServer(steward, db, port);
    await waitHealthy(server, baseUrl);
    step(`steward serving on ${baseUrl}`);

    browser = await chromium.launch(CHROMIUM);
    page = await browser.newPage({ acceptDownloads: true });
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);

    await checkDemoPublishedPage(page, baseUrl);
    await signIn(page, baseUrl, login);
    await addService(page, baseUrl);
    await checkNewServicePublished(page, baseUrl, tmp);
    await importPupils(page, baseUrl);
    await recordOptOut(page, baseUrl);
    await exportLeavesPupilOut(page, baseUrl);
    passed = true;
  } catch (error) {
    console.error(`FAIL: ${error instanceof TestFailure ? error.message : error.stack}`);
    if (page) {
      console.error(`  at page ${page.url()}`);
      await page.screenshot({ path: path.join(tmp, 'failure.png'), fullPage: true, timeout: 5_000 })
        .catch(() => {});
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) {
      await stopServer(server);
      await writeFile(path.join(tmp, 'server.log'), server.output).catch(() => {});
    }
    clearTimeout(watchdog);
  }

  if (passed && !process.env.STEWARD_KEEP_TMP) {
    await rm(tmp, { recursive: true, force: true });
  } else {
    console.error(`temp dir (database, screenshots, server.log) kept at ${tmp}`);
  }
  return passed;
}

const passed = await main();
console.log(passed ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exitCode = passed ? 0 : 1;
