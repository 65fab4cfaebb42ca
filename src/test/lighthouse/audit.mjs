// Lighthouse (mobile: its default phone, screen and network throttling) of some pages of a running Relief, one run
// each, in one Debian Chromium. Usage: node audit.mjs <base-url> <path>...
// Prints one JSON object: the host's BenchmarkIndex and the CPU slowdown used, and for each path its category scores
// (0-100), cumulative layout shift, largest contentful paint and the audits that did not pass.
//
// CPU slowdown: Lighthouse's default 4x assumes a host whose BenchmarkIndex is about 1000 or more (it warns below
// that; docs/throttling.md in the Lighthouse repository, "calibrating multipliers"), i.e. a host about 4x faster than
// the Moto G Power it emulates (BenchmarkIndex about 264, the low-tier score Chrome DevTools' CPU calibration uses).
// A shared 2-core build machine under load measures 300-400, so 4x there emulates a phone three times slower than
// Lighthouse means. The multiplier is therefore calibrated the way those docs describe: BenchmarkIndex / 264, within
// 1x-4x, measured with Lighthouse's own benchmark function in the same Chromium just before the runs. Set
// LIGHTHOUSE_CPU_MULTIPLIER to force a value (4 = Lighthouse's default).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import {pageFunctions} from 'lighthouse/core/lib/page-functions.js';
import * as constants from 'lighthouse/core/config/constants.js';

const MOTO_G_POWER_BENCHMARK_INDEX = 264;

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
    console.error('usage: node audit.mjs <base-url> <path>...');
    process.exit(2);
}
const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
});
const results = {};
try {
    const browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`});
    const blank = await browser.newPage();
    // One plain visit of each page first: Chromium's and the app's first-request costs are not the page's.
    for (const path of paths) {
        await blank.goto(base + path, {waitUntil: 'load'});
    }
    await blank.goto('about:blank');
    const benchmarkIndex = await blank.evaluate(`(${pageFunctions.computeBenchmarkIndex.toString()})()`);
    await blank.close();
    await browser.disconnect();
    const forced = Number(process.env.LIGHTHOUSE_CPU_MULTIPLIER);
    const multiplier = forced > 0
        ? forced
        : Math.round(Math.min(4, Math.max(1, benchmarkIndex / MOTO_G_POWER_BENCHMARK_INDEX)) * 100) / 100;
    results.host = {benchmarkIndex, cpuSlowdownMultiplier: multiplier};
    for (const path of paths) {
        const runner = await lighthouse(base + path, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'seo'],
            disableFullPageScreenshot: true,
        }, {
            extends: 'lighthouse:default',
            settings: {throttling: {...constants.defaultSettings.throttling, cpuSlowdownMultiplier: multiplier}},
        });
        const lhr = runner.lhr;
        const score = name => Math.round((lhr.categories[name].score ?? 0) * 100);
        results[path] = {
            performance: score('performance'),
            accessibility: score('accessibility'),
            seo: score('seo'),
            cls: lhr.audits['cumulative-layout-shift'].numericValue,
            lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
            failed: Object.values(lhr.audits)
                .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
                    && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
                .filter(a => Object.values(lhr.categories).some(c => c.id !== 'performance'
                    && c.auditRefs.some(r => r.id === a.id && r.weight > 0))
                    || ['cumulative-layout-shift', 'largest-contentful-paint', 'total-blocking-time',
                        'first-contentful-paint', 'speed-index'].includes(a.id))
                .map(a => a.id + (a.displayValue ? ' (' + a.displayValue + ')' : '')),
        };
    }
} finally {
    await chrome.kill();
}
console.log(JSON.stringify(results));
