// axe-core in the page under test: evaluated over CDP (the page's CSP forbids inline scripts, and
// nothing is added to the page's own code), then run on the whole document.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Serious and critical violations on the page as it is now, one line each ("rule: selector"). */
export async function seriousViolations(page: Page, view: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) at ${v.targets.slice(0, 3).join(', ')}`);
}
