// Loaded with `node --import` by tests that run the whole bot "at another date":
// every Date in the process (the bot's system clock, node-cron, pino) reads
// YOMIKAI_TEST_NOW plus the real time elapsed since start. It stands in for
// libfaketime (`faketime '@2027-03-15 08:59:50' npm start`), which does the same
// from outside but is not installed everywhere the tests run.
const target = Date.parse(process.env.YOMIKAI_TEST_NOW ?? '');
if (Number.isNaN(target)) throw new Error('shift-date.mjs needs YOMIKAI_TEST_NOW, an ISO instant');
const RealDate = Date;
const offset = target - RealDate.now();
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }
  static now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate;
