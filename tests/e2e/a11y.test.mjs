// Accessibility: axe-core (npm, pinned) checks every page against WCAG 2.1
// A and AA (contrast, labels, names, structure) in each language and at
// 360 px.
import { test, assertEqual, LANGS } from './harness.mjs';
import { open, startIn, zoneWithUnknowns, ANY_MARKER, injectAxe } from './common.mjs';


async function violations(page) {
  await injectAxe(page);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} (${v.help})`);
  });
}

test('every page meets WCAG 2.1 AA as axe-core checks it, in every language and at 360 px', async ({ newPage }) => {
  const z = await zoneWithUnknowns();
  const paths = ['/', '/map', '/finder?kind=kcn', `/zones/${encodeURIComponent(z.code)}`, '/login'];
  for (const [l, width] of [...LANGS.map((x) => [x, 1280]), ['vi', 360]]) {
    const page = await newPage({ viewport: { width, height: 800 } });
    await startIn(page, l);
    for (const p of paths) {
      await open(page, p);
      if (p !== '/' && p !== '/login') await page.waitForSelector(ANY_MARKER);
      else await page.waitForSelector('#account-who > *'); // the header knows who is signed in
      assertEqual(await violations(page), [], `${p} in ${l} at ${width} px`);
    }
  }
});
