// Readable at every width, in every language (1280 and 360 px; vi, en, ko):
// the map's markers and names never cover one another (zones at one place
// are spread around it or make a numbered cluster, which counts its zones,
// opens to them and is reached by keyboard); wide tables keep their first
// column in view and say that they scroll exactly when they do; no date
// breaks across lines; every option of every menu reads in full.
// Screenshots of every page at every width go to the artefacts.
import { test, assert, assertEqual, api, screenshotPath, LANGS, LOCALES } from './harness.mjs';
import { s, open, ANY_MARKER } from './common.mjs';

const WIDTHS = [1280, 360];
const count = (l, n) => new Intl.NumberFormat(LOCALES[l], { maximumFractionDigits: 0 }).format(n);

function at(newPage, width) {
  return newPage({ viewport: { width, height: width < 600 ? 740 : 900 } });
}

// Two boxes {l, t, r, b} that share more than half a pixel.
const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;

function overlaps(things) {
  const out = [];
  for (let i = 0; i < things.length; i++)
    for (let j = i + 1; j < things.length; j++) if (hit(things[i].box, things[j].box)) out.push(`${things[i].name} × ${things[j].name}`);
  return out;
}

// ----- the map -----

// What the map in root draws: zone markers, clusters and the units' names
// that can be seen in its frame, with their boxes.
function mapState(root) {
  const map = document.querySelector(root);
  const f = map.getBoundingClientRect();
  const rect = (e) => {
    const r = e.getBoundingClientRect();
    return { l: r.left, t: r.top, r: r.right, b: r.bottom };
  };
  const seen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > f.left && r.left < f.right && r.bottom > f.top && r.top < f.bottom && getComputedStyle(e).visibility !== 'hidden';
  };
  const common = (e) => ({ box: rect(e), seen: seen(e), label: e.getAttribute('aria-label'), role: e.getAttribute('role'), tab: e.tabIndex, open: !!e.closest('.leaflet-khuOpenMarkers-pane') });
  return {
    zoom: map.dataset.zoom,
    frame: rect(map),
    markers: [...map.querySelectorAll('.leaflet-marker-icon.zone-marker')].map((e) => ({ ...common(e), code: e.dataset.code, name: `zone ${e.dataset.code}` })),
    clusters: [...map.querySelectorAll('.leaflet-marker-icon.zone-cluster')].map((e) => ({
      ...common(e),
      codes: e.dataset.codes.split(' '),
      count: Number(e.dataset.count),
      text: e.textContent.trim(),
      expanded: e.getAttribute('aria-expanded'),
      name: `cluster of ${e.dataset.count}`,
    })),
    labels: [...map.querySelectorAll('.unit-name')]
      .filter((e) => !e.hidden && seen(e))
      .map((e) => ({ box: rect(e), name: `name "${e.textContent}"` })),
  };
}

// The map drawn at rest: nothing covers anything, every placed zone is
// drawn once (on its own or in a cluster), every cluster counts its zones
// and says so in the page's language, everything is reached by keyboard.
function checkAtRest(st, l, placed, where) {
  const visible = [...st.markers, ...st.clusters].filter((x) => x.seen);
  assertEqual(overlaps([...visible, ...st.labels]), [], `${where}: markers and names that cover one another`);
  const drawn = [...st.markers.map((m) => m.code), ...st.clusters.flatMap((c) => c.codes)].sort();
  assertEqual(drawn, placed, `${where}: every zone drawn once, on its own or in a cluster`);
  for (const c of st.clusters) {
    assert(c.count >= 2, `${where}: a cluster of ${c.count}`);
    assertEqual(c.count, c.codes.length, `${where}: a cluster's count is its number of zones`);
    assertEqual(c.text, count(l, c.count), `${where}: a cluster shows its count`);
    assertEqual(c.label, s(l, 'cluster_label', { n: count(l, c.count) }), `${where}: a cluster's name`);
    assertEqual([c.role, c.tab, c.expanded], ['button', 0, 'false'], `${where}: a closed cluster is a button reached by Tab`);
  }
  for (const m of st.markers) {
    assert(m.label && m.label.length > 3, `${where}: ${m.code} has no name`);
    assertEqual([m.role, m.tab], ['button', 0], `${where}: ${m.code} is a button reached by Tab`);
  }
}

// Waits until nothing on the map moves. A pan glides (a popup's pan into
// view), and a press during the glide ends it at once, moving what was
// under the pointer; Leaflet's zoom animation moves the markers that stay
// on by CSS transitions, which may still be running when the new zoom is
// laid out.
async function atRest(page) {
  await page.waitForFunction(() => !document.querySelector('#zone-map .leaflet-pan-anim, #zone-map .leaflet-zoom-anim'));
  await page.evaluate(() => Promise.all(document.querySelector('#zone-map').getAnimations({ subtree: true }).filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => null))));
}

async function zoomBy(page, button) {
  const z = await page.getAttribute('#zone-map', 'data-zoom');
  await page.click(button);
  await page.waitForFunction((z0) => document.querySelector('#zone-map').dataset.zoom !== z0, z);
  await atRest(page);
}

for (const l of LANGS) {
  test(`layout (${l}): on the map no marker or name covers another at any zoom; a cluster counts its zones and opens to them by keyboard`, async ({ newPage }) => {
    const fc = await api('/api/v1/zones.geojson');
    const features = fc.features.filter((f) => f.geometry);
    const placed = features.map((f) => f.properties.code).sort();
    const where = new Map(features.map((f) => [f.properties.code, f.geometry.coordinates.join(',')]));
    for (const width of WIDTHS) {
      const page = await at(newPage, width);
      await open(page, `/map?lang=${l}`);
      await page.waitForSelector(ANY_MARKER);
      let st = await page.evaluate(mapState, '#zone-map');
      checkAtRest(st, l, placed, `${width} px`);
      assert(st.clusters.length > 0, `${width} px: zones at one place are not clustered`);
      assert(st.labels.length > 0, `${width} px: no unit named`);
      await page.screenshot({ path: screenshotPath(`layout-map-${l}-${width}`) });

      // a cluster of zones at one place opens around it, by keyboard; on a
      // narrow map such clusters may first be merged with their neighbours,
      // so zoom in until one stands alone (at most the 3 steps checked below)
      const atOnePlace = (x) => x.clusters.find((c) => new Set(c.codes.map((k) => where.get(k))).size === 1);
      let zoomedIn = 0;
      while (!atOnePlace(st) && zoomedIn < 3) {
        await zoomBy(page, '.leaflet-control-zoom-in');
        zoomedIn++;
        st = await page.evaluate(mapState, '#zone-map');
        checkAtRest(st, l, placed, `${width} px at zoom ${st.zoom}`);
      }
      const one = atOnePlace(st);
      assert(one, `${width} px: no cluster of zones at one place`);
      const sel = `.zone-cluster[data-codes="${one.codes.join(' ')}"]`;
      await page.focus(sel);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${sel}[aria-expanded="true"]`);
      st = await page.evaluate(mapState, '#zone-map');
      assertEqual(await page.evaluate(() => document.activeElement.dataset.codes), one.codes.join(' '), `${width} px: the focus stays on the opened cluster`);
      const centre = st.clusters.find((c) => c.expanded === 'true');
      assertEqual(centre.label, s(l, 'cluster_label_open', { n: count(l, one.count) }), `${width} px: an open cluster's name`);
      const members = st.markers.filter((m) => m.open);
      assertEqual(members.map((m) => m.code).sort(), [...one.codes].sort(), `${width} px: an open cluster shows exactly its zones`);
      assertEqual(overlaps([centre, ...members]), [], `${width} px: the zones of an open cluster cover one another`);
      for (const m of members) {
        const b = m.box;
        assert(b.l >= st.frame.l - 1 && b.r <= st.frame.r + 1 && b.t >= st.frame.t - 1 && b.b <= st.frame.b + 1, `${width} px: ${m.code} opened outside the map`);
        const top = await page.evaluate(
          ([x, y]) => {
            const e = document.elementFromPoint(x, y);
            return e && e.closest('.leaflet-marker-icon') && e.closest('.leaflet-marker-icon').dataset.code;
          },
          [(b.l + b.r) / 2, (b.t + b.b) / 2]
        );
        assertEqual(top, m.code, `${width} px: ${m.code} can be pressed (nothing over it)`);
        assertEqual([m.role, m.tab], ['button', 0], `${width} px: ${m.code} reached by Tab`);
      }
      await page.screenshot({ path: screenshotPath(`layout-map-open-${l}-${width}`) });
      // Tab goes on to its zones; Enter opens a zone's summary
      await page.keyboard.press('Tab');
      const code = await page.evaluate(() => document.activeElement.dataset.code);
      assert(one.codes.includes(code), `${width} px: Tab from the open cluster reaches ${code}, not one of its zones`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.leaflet-popup a[href="/zones/${encodeURIComponent(code)}"]`);
      // Escape closes it again, the focus back on the cluster
      await page.keyboard.press('Escape');
      await page.waitForSelector(`${sel}[aria-expanded="false"]`);
      assertEqual(await page.evaluate(() => document.activeElement.dataset.codes), one.codes.join(' '), `${width} px: the focus back on the closed cluster`);
      checkAtRest(await page.evaluate(mapState, '#zone-map'), l, placed, `${width} px, closed again`);

      // a cluster of zones at several places: pressed, it opens or zooms in
      const several = st.clusters.find((c) => new Set(c.codes.map((x) => where.get(x))).size > 1 && c.expanded !== 'true');
      if (several) {
        // focused first, which brings it into the frame if it is partly out
        await atRest(page);
        await page.focus(`.zone-cluster[data-codes="${several.codes.join(' ')}"]`);
        await atRest(page);
        await page.click(`.zone-cluster[data-codes="${several.codes.join(' ')}"]`);
        await page.waitForFunction(
          ([z, codes]) =>
            document.querySelector('#zone-map').dataset.zoom !== z || !!document.querySelector(`.zone-cluster[data-codes="${codes}"][aria-expanded="true"]`),
          [st.zoom, several.codes.join(' ')]
        );
        await atRest(page);
        const after = await page.evaluate(mapState, '#zone-map');
        if (after.zoom !== st.zoom) checkAtRest(after, l, placed, `${width} px, zoomed into a cluster`);
        else assertEqual(after.markers.filter((m) => m.open).map((m) => m.code).sort(), [...several.codes].sort(), `${width} px: opened cluster`);
        await page.keyboard.press('Escape');
      }
      // at every zoom, closer and farther
      for (const [button, times] of [['.leaflet-control-zoom-in', 3 - zoomedIn], ['.leaflet-control-zoom-out', 5]]) {
        for (let i = 0; i < times; i++) {
          await zoomBy(page, button);
          const z = await page.evaluate(mapState, '#zone-map');
          checkAtRest(z, l, placed, `${width} px at zoom ${z.zoom}`);
        }
      }
    }
  });
}

// Drags the map by (dx, dy) pixels from a point of it where no marker is,
// and waits until it stops (Leaflet's drag ends with an inertial glide).
async function dragMap(page, dx, dy) {
  const from = await page.evaluate(() => {
    const f = document.querySelector('#zone-map').getBoundingClientRect();
    for (let y = f.top + 40; y < f.bottom - 40; y += 15)
      for (let x = f.left + 40; x < f.right - 40; x += 15) {
        const e = document.elementFromPoint(x, y);
        if (e && !e.closest('.leaflet-marker-icon, .leaflet-control, .leaflet-interactive')) return [x, y];
      }
    return null;
  });
  assert(from, 'no empty point on the map to drag it by');
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from[0] + (dx * i) / 10, from[1] + (dy * i) / 10);
  await page.waitForTimeout(150); // held still, so no inertia is left
  await page.mouse.up();
  await page.waitForFunction(() => !document.querySelector('#zone-map .leaflet-pan-anim'));
}

const boxOf = (page, sel) => page.evaluate((x) => document.querySelector(x).getBoundingClientRect().toJSON(), sel);

// Where sel is within the map's frame (its top left corner, in pixels).
const relBox = (page, sel) =>
  page.evaluate((x) => {
    const b = document.querySelector(x).getBoundingClientRect();
    const f = document.querySelector('#zone-map').getBoundingClientRect();
    return { x: b.left - f.left, y: b.top - f.top };
  }, sel);

test('map (en, 360 px): a click on a cluster that shows only a strip at the edge of the map opens it; Tab brings it into view', async ({ newPage }) => {
  for (const how of ['right', 'bottom', 'keyboard']) {
    const page = await at(newPage, 360);
    await open(page, '/map?lang=en');
    await page.waitForSelector('.zone-cluster');
    // the largest cluster, dragged until only a strip of it shows at an edge
    const codes = await page.evaluate(() => [...document.querySelectorAll('.zone-cluster')].sort((a, b) => b.dataset.count - a.dataset.count)[0].dataset.codes);
    const sel = `.zone-cluster[data-codes="${codes}"]`;
    const frame = await boxOf(page, '#zone-map');
    let b = await boxOf(page, sel);
    // (at the bottom, between the scale and the credits)
    const low = how === 'bottom';
    const cx = (b.left + b.right) / 2;
    const cy = (b.top + b.bottom) / 2;
    await dragMap(page, low ? frame.left + frame.width / 2 - cx : frame.right + b.width / 2 - 10 - cx, low ? frame.bottom + b.height / 2 - 10 - cy : 0);
    b = await boxOf(page, sel);
    const strip = low ? frame.bottom - b.top : frame.right - b.left;
    assert(strip > 4 && strip < 16, `${how}: the cluster does not show as a strip at the edge: ${JSON.stringify(b)} in ${JSON.stringify(frame)}`);
    const zoom = await page.getAttribute('#zone-map', 'data-zoom');
    if (how !== 'keyboard') {
      // nothing scrolls the frame: a browser brings a focused or a linked
      // element into view by scrolling even a frame with no scroll bars,
      // which moves every marker until Leaflet puts the frame back
      const scrolled = await page.evaluate((x) => {
        document.querySelector(x).scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const m = document.querySelector('#zone-map');
        return [m.scrollLeft, m.scrollTop];
      }, sel);
      assertEqual(scrolled, [0, 0], `${how}: the map's frame scrolled to show a marker`);
      // (the page itself may scroll to show it, frame and all: what must not
      // move is the cluster within the frame)
      const moved = await relBox(page, sel);
      assertEqual(moved, { x: b.left - frame.left, y: b.top - frame.top }, `${how}: the cluster moved in the map when shown`);
      const page0 = await boxOf(page, '#zone-map');
      b = await boxOf(page, sel);
      frame.bottom = page0.bottom;
      frame.right = page0.right;
      // clicked on the strip: the map must not move between the press and
      // the release, or the click is lost (at the right edge the button is
      // held a while, at the bottom it is a quick click)
      const point = low ? [(b.left + b.right) / 2, b.top + strip / 2] : [b.left + strip / 2, (b.top + b.bottom) / 2];
      assert(await page.evaluate(([x, y, c]) => !!document.elementFromPoint(x, y).closest(c), [...point, sel]), `${how}: the strip is covered`);
      if (low) await page.mouse.click(...point);
      else {
        await page.mouse.move(...point);
        await page.mouse.down();
        await page.waitForTimeout(400);
        assertEqual(await boxOf(page, sel), b, `${how}: the cluster under the pressed button moved`);
        await page.mouse.up();
      }
      await page.waitForFunction(
        ([z, x]) => document.querySelector('#zone-map').dataset.zoom !== z || !!document.querySelector(`${x}[aria-expanded="true"]`),
        [zoom, sel],
        { timeout: 5000 }
      ).catch(() => assert(false, `${how}: a click on the strip of the cluster at the edge neither opened it nor zoomed in`));
    } else {
      // reached by the keyboard, it comes into the frame
      await page.keyboard.press('Tab');
      await page.focus(sel);
      assert(await page.evaluate((x) => document.querySelector(x).matches(':focus-visible'), sel), 'the focus on the cluster is not shown');
      b = await boxOf(page, sel);
      assert(b.left >= frame.left && b.right <= frame.right && b.top >= frame.top && b.bottom <= frame.bottom, `the focused cluster is not in the frame: ${JSON.stringify(b)}`);
      assertEqual(await page.getAttribute('#zone-map', 'data-zoom'), zoom, 'focus changed the zoom');
      // the names are laid out for the moved frame: none sticks out of it
      const st = await page.evaluate(mapState, '#zone-map');
      for (const n of st.labels) assert(n.box.l >= st.frame.l && n.box.r <= st.frame.r, `${n.name} sticks out of the frame`);
    }
  }
});

// ----- wide tables -----

// Every table wrapper on the page that can be seen, at its left end and
// then scrolled to its right end.
async function tableStates(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // the shades fade in and out: wait for the scroll to be seen, then until
    // every fade has ended (a fixed wait is too short on a busy machine)
    const settle = async () => {
      await frame();
      await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => null)));
    };
    for (const d of document.querySelectorAll('main details')) d.open = true;
    await frame();
    await settle();
    const shade = (box, side) => (side === 'right' ? getComputedStyle(box, '::after').opacity : null);
    // the shade beside the first column, on the last cell that is not across the table
    const firstShade = (table) => {
      const row = [...table.rows].reverse().find((r) => r.cells[0] && r.cells[0].colSpan === 1);
      const after = row && getComputedStyle(row.cells[0], '::after');
      return after && after.content !== 'none' ? after.opacity : null;
    };
    const out = [];
    for (const wrap of document.querySelectorAll('main .table-box > .table-wrap')) {
      if (!wrap.offsetWidth) continue;
      const box = wrap.parentElement;
      const table = wrap.querySelector('table');
      const hint = box.previousElementSibling;
      const name = table.id || table.className || wrap.getAttribute('aria-label');
      const t = {
        name,
        label: wrap.getAttribute('aria-label'),
        over: wrap.scrollWidth > wrap.clientWidth + 1,
        hint: !!hint && hint.classList.contains('scroll-hint') && !hint.hidden && hint.getClientRects().length > 0 && hint.offsetHeight > 0,
        hintText: hint ? hint.textContent.trim() : null,
        rightShade: shade(box, 'right'),
        firstShadow: firstShade(table),
      };
      if (t.over) {
        wrap.scrollIntoView({ block: 'start' });
        wrap.scrollLeft = wrap.scrollWidth;
        await frame();
        await settle();
        const w = wrap.getBoundingClientRect();
        const edge = w.left + wrap.clientLeft;
        const rows = [];
        for (const row of table.rows) {
          const first = row.cells[0];
          if (!first || first.colSpan > 1 || row.cells.length < 2) continue;
          const r = first.getBoundingClientRect();
          const second = row.cells[1].getBoundingClientRect();
          const bg = getComputedStyle(first).backgroundColor;
          let onTop = null;
          const x = r.left + Math.min(r.width / 2, 8);
          const y = (r.top + r.bottom) / 2;
          if (y > 0 && y < innerHeight && r.height > 0) {
            const e = document.elementFromPoint(x, y);
            onTop = !!e && first.contains(e);
          }
          rows.push({ left: r.left - edge, secondUnder: second.left < r.right - 1, bg, onTop, text: first.textContent.trim().slice(0, 30) });
        }
        t.end = {
          scrolled: wrap.scrollLeft,
          rows,
          rightShade: shade(box, 'right'),
          firstShadow: firstShade(table),
        };
        wrap.scrollLeft = 0;
        await frame();
      }
      out.push(t);
    }
    await settle();
    return out;
  });
}

const opaque = (bg) => {
  const m = /rgba?\(([^)]+)\)/.exec(bg);
  if (!m) return false;
  const p = m[1].split(',').map((x) => Number(x.trim()));
  return p.length === 3 || p[3] === 1;
};

const TABLE_PAGES = [
  ['dashboard', '/'],
  ['finder', '/finder?kind=kcn,ccn'],
  ['zone', '/zones/kcn-long-hau'],
  ['data', '/data'],
  ['investor-compare', '/investor?land_ha=20'],
];

for (const l of LANGS) {
  for (const width of WIDTHS) {
    test(`layout (${l}, ${width} px): wide tables keep their first column in view and say that they scroll exactly when they do`, async ({ newPage }) => {
      const page = await at(newPage, width);
      let overflowing = 0;
      let fitting = 0;
      for (const [name, path] of TABLE_PAGES) {
        await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${l}`);
        if (name === 'investor-compare') {
          await page.waitForSelector('#inv-count');
          await page.waitForFunction(() => !document.querySelector('#inv-results[aria-busy]'));
          const boxes = page.locator('.compare-box');
          for (let i = 0; i < 4; i++) await boxes.nth(i).check();
          await page.waitForFunction(() => document.querySelectorAll('#inv-compare-table thead th[data-code]').length === 4);
        }
        const tables = await tableStates(page);
        assert(tables.length > 0, `${name} ${width} px: no table`);
        for (const t of tables) {
          const where = `${name} ${width} px, table ${t.name}`;
          assertEqual(t.hint, t.over, `${where}: the scroll hint is shown exactly when the table is wider than its frame`);
          assertEqual(t.hintText, s(l, 'table_scroll_hint'), `${where}: the hint in the page's language`);
          assertEqual(t.rightShade, t.over ? '1' : '0', `${where}: the right edge shaded exactly when there is more to the right`);
          assertEqual(t.firstShadow, '0', `${where}: no shade by the first column before scrolling`);
          if (!t.over) {
            fitting++;
            continue;
          }
          overflowing++;
          assert(t.end.scrolled > 0, `${where}: did not scroll`);
          assert(t.end.rows.length > 0, `${where}: no row to check`);
          for (const r of t.end.rows) {
            assert(Math.abs(r.left) <= 1, `${where}: after scrolling, the first cell "${r.text}" is ${r.left.toFixed(1)} px from the frame's left edge`);
            assert(opaque(r.bg), `${where}: the first cell "${r.text}" has no solid background (${r.bg})`);
            assert(r.onTop !== false, `${where}: the first cell "${r.text}" is covered by the cells scrolled under it`);
          }
          assert(t.end.rows.some((r) => r.secondUnder), `${where}: no column went under the first one`);
          assertEqual(t.end.rightShade, '0', `${where}: at the right end, no shade on the right`);
          assertEqual(t.end.firstShadow, '1', `${where}: scrolled, the first column set apart by a shade`);
        }
        await page.screenshot({ path: screenshotPath(`layout-tables-${name}-${l}-${width}`), fullPage: true });
      }
      if (width === 360) assert(overflowing >= 4, `at 360 px only ${overflowing} tables scroll: the check would prove little`);
      else assert(fitting >= 1, `at ${width} px no table fits its frame: the check would prove little`);
    });
  }
}

// ----- dates -----

// Every date shown on the page (a <time class="date">, or a date in the
// text, as the language writes it) and the lines it takes.
async function dateStates(page, l) {
  return page.evaluate(async (lg) => {
    for (const d of document.querySelectorAll('main details')) d.open = true;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const lines = (rects) => new Set([...rects].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    const out = [];
    for (const e of document.querySelectorAll('main time.date, .u-legend .u-value')) {
      if (!e.getClientRects().length || !e.textContent.trim()) continue;
      if (e.classList.contains('u-value') && !/\d{4}/.test(e.textContent)) continue;
      out.push({ text: e.textContent, lines: lines(e.getClientRects()), tag: e.tagName.toLowerCase() });
    }
    const re = lg === 'ko' ? /\d{4}\.[\s\u00a0]\d{1,2}\.(?:[\s\u00a0]\d{1,2}\.)?/g : /\d{1,2}\/\d{1,2}\/\d{4}/g;
    const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement.closest('time.date, script, style, option, select')) continue;
      for (const m of n.data.matchAll(re)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        if (!r.getClientRects().length) continue;
        out.push({ text: m[0], lines: lines(r.getClientRects()), tag: 'text' });
      }
    }
    return out;
  }, l);
}

for (const l of LANGS) {
  test(`layout (${l}): no date breaks across lines, in text, tables and charts`, async ({ newPage }) => {
    // a zone with the most dates of its own
    const all = await api('/api/v1/zones?limit=500');
    const dated = (z) => ['as_of', 'established_on', 'lease_until'].filter((k) => z[k]).length;
    const zone = all.items.reduce((a, z) => (dated(z) > dated(a) ? z : a)).code;
    for (const width of WIDTHS) {
      const page = await at(newPage, width);
      for (const [name, path] of [
        ['dashboard', '/'],
        ['zone', `/zones/${encodeURIComponent(zone)}`],
        ['data', '/data'],
      ]) {
        await open(page, `${path}?lang=${l}`);
        if (name === 'dashboard') {
          // the chart's legend shows the date under the pointer
          const over = page.locator('.chart .u-over').first();
          await over.scrollIntoViewIfNeeded();
          const b = await over.boundingBox();
          await page.mouse.move(b.x + b.width * 0.8, b.y + b.height / 2);
        }
        const dates = await dateStates(page, l);
        assert(dates.length >= (name === 'data' ? 1 : 3), `${name} ${width} px: only ${dates.length} dates found`);
        const broken = dates.filter((d) => d.lines !== 1).map((d) => `${d.tag} "${d.text}" on ${d.lines} lines`);
        assertEqual(broken, [], `${name} ${width} px: dates broken across lines`);
        if (name === 'dashboard') assert(dates.some((d) => d.tag === 'td' || d.tag === 'text' || d.tag === 'time'), 'no date in text');
        await page.screenshot({ path: screenshotPath(`layout-dates-${name}-${l}-${width}`), fullPage: true });
      }
    }
  });
}

// ----- menus -----

// The options of a <select> as drawn: each laid out with its whole text
// inside its box and inside the window.
function optionStates(sel) {
  return [...sel.options].map((o) => {
    const r = o.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(o);
    const rs = [...range.getClientRects()].filter((x) => x.width > 0);
    return {
      text: o.textContent.trim().slice(0, 60),
      w: r.width,
      l: r.left,
      r: r.right,
      tl: rs.length ? Math.min(...rs.map((x) => x.left)) : null,
      tr: rs.length ? Math.max(...rs.map((x) => x.right)) : null,
      clipped: o.scrollWidth > o.clientWidth + 1,
      win: innerWidth,
    };
  });
}

function checkOptions(opts, where) {
  assert(opts.length > 0, `${where}: no option`);
  for (const o of opts) {
    if (!o.text) continue;
    assert(o.w > 0 && o.tl !== null, `${where}: the option "${o.text}" is not drawn where it can be read in full`);
    assert(o.tl >= o.l - 1 && o.tr <= o.r + 1 && !o.clipped, `${where}: the option "${o.text}" is cut off (text ${o.tl}–${o.tr}, box ${o.l}–${o.r})`);
    assert(o.l >= -0.5 && o.r <= o.win + 0.5, `${where}: the option "${o.text}" sticks out of the window (${o.l}–${o.r} of ${o.win})`);
  }
}

for (const l of LANGS) {
  test(`layout (${l}): every option of every menu reads in full, the chosen one too`, async ({ newPage }) => {
    for (const width of WIDTHS) {
      const page = await at(newPage, width);
      for (const [name, path] of [
        ['finder', '/finder'],
        ['investor', '/investor?land_ha=20'],
      ]) {
        await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${l}`);
        await page.evaluate(() => {
          for (const d of document.querySelectorAll('main details')) d.open = true;
        });
        const ids = await page.$$eval('select', (els) => els.filter((e) => e.offsetWidth > 0).map((e) => e.id));
        assert(ids.length >= (name === 'finder' ? 4 : 2), `${name}: only ${ids.length} menus`);
        for (const id of ids) {
          const where = `${name} ${width} px #${id}`;
          const sel = page.locator(`#${id}`);
          const multiple = await sel.evaluate((e) => e.multiple);
          if (!multiple) {
            await sel.scrollIntoViewIfNeeded();
            await sel.click();
            await page.waitForFunction((x) => document.getElementById(x).matches(':open'), id);
          }
          checkOptions(await sel.evaluate(optionStates), where);
          if (!multiple) {
            await page.keyboard.press('Escape');
            await page.waitForFunction((x) => !document.getElementById(x).matches(':open'), id);
          }
          // the longest option chosen is shown in full in the closed menu
          const longest = await sel.evaluate((e) => [...e.options].reduce((a, o) => (o.textContent.length > a.textContent.length ? o : a)).value);
          if (!multiple && id !== 'lang') {
            await sel.selectOption(longest);
            const shown = await sel.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, right: e.getBoundingClientRect().right }));
            assert(shown.sw <= shown.cw + 1, `${where}: the chosen option is cut off (${shown.sw} px in ${shown.cw} px)`);
            assert(shown.right <= width + 0.5, `${where}: the menu sticks out of the window`);
          }
        }
        await page.screenshot({ path: screenshotPath(`layout-menus-${name}-${l}-${width}`), fullPage: true });
      }
    }
  });
}
