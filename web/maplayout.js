// Where markers go so that none hides another (web/mapdraw.js draws them):
// pure geometry in screen pixels, no Leaflet and no page.
// Many zones share one position (the centroid of their district, where
// theirs is approximate), and zones a few pixels apart at the current zoom
// would cover one another. At every zoom the markers are laid out again in
// screen pixels: a zone alone stays where it is; a few zones that would
// touch are spread on a small ring around their place, each with a thin
// line to its own position; more become one numbered circle (a cluster)
// that, pressed, shows its zones around it. Groups whose drawings would
// still touch are merged.

export const GAP = 4; // pixels kept between two drawings
export const RING_MAX = 5; // up to this many zones are spread on a ring; more make a cluster

// A cluster's diameter in pixels: grows with the number of its zones.
export function clusterSize(n) {
  return Math.min(46, Math.round(26 + 4 * Math.log2(Math.max(2, n))));
}

export function box(x, y, hw, hh = hw) {
  return { l: x - hw, t: y - hh, r: x + hw, b: y + hh };
}

export function touch(a, b, gap = GAP) {
  return a.l < b.r + gap && b.l < a.r + gap && a.t < b.b + gap && b.t < a.b + gap;
}

// The connected groups of list, two being linked when linked(a, b).
export function components(list, linked) {
  const up = list.map((x, i) => i);
  const root = (i) => (up[i] === i ? i : (up[i] = root(up[i])));
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) if (root(i) !== root(j) && linked(list[i], list[j])) up[root(j)] = root(i);
  const out = new Map();
  list.forEach((x, i) => {
    const r = root(i);
    if (!out.has(r)) out.set(r, []);
    out.get(r).push(x);
  });
  return [...out.values()];
}

// Offsets [dx, dy] that put symbols of half-widths hs (largest first) on
// rings around a point, the first ring clear of a disc of radius inner,
// each ring as close in as it can be with no two boxes touching.
export function ringOffsets(hs, inner) {
  const out = [];
  const boxes = [];
  let R = inner;
  let turn = 0;
  for (let i = 0; i < hs.length; ) {
    R += hs[i];
    // as many as fit on this ring's length, the largest first
    let k = 0;
    for (let used = 0; i + k < hs.length; k++) {
      const w = 2 * hs[i + k] + GAP;
      if (k && used + w > 2 * Math.PI * R) break;
      used += w;
    }
    const ring = hs.slice(i, i + k);
    const total = ring.reduce((a, h) => a + 2 * h + GAP, 0);
    let pts;
    for (;;) {
      pts = [];
      let at = 0;
      for (const h of ring) {
        const a = -Math.PI / 2 + turn + (2 * Math.PI * (at + h + GAP / 2)) / total;
        pts.push([R * Math.cos(a), R * Math.sin(a)]);
        at += 2 * h + GAP;
      }
      const mine = pts.map(([x, y], j) => box(x, y, ring[j]));
      const clash = mine.some((b, j) => boxes.some((o) => touch(b, o)) || mine.some((o, m) => m > j && touch(b, o)));
      if (!clash) {
        boxes.push(...mine);
        break;
      }
      R += 2;
    }
    out.push(...pts);
    // the next ring starts just beyond this one, turned by half a place
    R += ring[0] * 0.6;
    turn += Math.PI / Math.max(2, k);
    i += k;
  }
  return out;
}

// What one group of zones (entries {f, p, h}) is drawn as: one marker, a
// ring, or a cluster; with the box it takes.
export function itemOf(members) {
  const c = { x: 0, y: 0 };
  for (const m of members) {
    c.x += m.p.x / members.length;
    c.y += m.p.y / members.length;
  }
  if (members.length === 1) return { kind: 'one', members, c: members[0].p, box: box(members[0].p.x, members[0].p.y, members[0].h) };
  const list = [...members].sort((a, b) => b.h - a.h || (a.f.properties.code < b.f.properties.code ? -1 : 1));
  const key = list.map((m) => m.f.properties.code).sort().join(' ');
  if (members.length <= RING_MAX) {
    const offs = ringOffsets(list.map((m) => m.h), 6);
    const b = box(c.x, c.y, 4);
    list.forEach((m, i) => {
      const x = c.x + offs[i][0];
      const y = c.y + offs[i][1];
      b.l = Math.min(b.l, x - m.h);
      b.r = Math.max(b.r, x + m.h);
      b.t = Math.min(b.t, y - m.h);
      b.b = Math.max(b.b, y + m.h);
    });
    return { kind: 'ring', members: list, c, offs, key, box: b };
  }
  return { kind: 'cluster', members: list, c, key, box: box(c.x, c.y, clusterSize(members.length) / 2 + 2) };
}

// Groups of entries whose drawings do not touch, each as an item.
export function arrange(entries) {
  let groups = components(entries, (a, b) => touch(box(a.p.x, a.p.y, a.h), box(b.p.x, b.p.y, b.h)));
  for (;;) {
    const items = groups.map(itemOf);
    const merged = components(items, (a, b) => touch(a.box, b.box));
    if (merged.length === items.length) return items;
    groups = merged.map((list) => list.flatMap((it) => it.members));
  }
}
