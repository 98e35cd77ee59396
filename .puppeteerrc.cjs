/** Puppeteer never downloads a browser here: the build resolves one (see scripts/pdf/browser.ts). */
module.exports = { skipDownload: true };
