// What "fits the screen" means, measured in the page: every piece of visible text lies inside the
// viewport and inside every box that clips it (a row cut in half at the bottom is not shown).
import type { Page } from 'playwright-core';

export interface Overflow {
  readonly text: string;
  readonly rect: readonly [number, number, number, number];
  readonly clip: string;
}

export function textOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { text: string; rect: [number, number, number, number]; clip: string }[] = [];
    const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim()) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const clips: { name: string; box: { left: number; top: number; right: number; bottom: number } }[] = [
        { name: 'viewport', box: viewport },
      ];
      // <body>'s and <html>'s overflow belongs to the viewport, already on the list.
      for (let a: HTMLElement | null = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible')
          clips.push({ name: `${a.tagName.toLowerCase()}.${a.className}`, box: a.getBoundingClientRect() });
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const out = clips.find(
          (c) =>
            r.left < c.box.left - 1 ||
            r.top < c.box.top - 1 ||
            r.right > c.box.right + 1 ||
            r.bottom > c.box.bottom + 1,
        );
        if (out)
          found.push({
            text: (node.textContent ?? '').trim().slice(0, 60),
            rect: [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)],
            clip: out.name,
          });
      }
    }
    return found;
  });
}
