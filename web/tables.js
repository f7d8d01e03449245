// Wide tables stay readable at every width. Each table comes in the
// wrapper of tableWrap (core.js), which scrolls sideways with the first,
// key column kept in place (app.css). When the table is wider than its
// frame, the line above it says so and the edges that have more columns
// beyond them are shaded; this follows the scroll position, the window's
// width, tables drawn again and tables in <details> opened later.

const seen = new WeakSet();
let sizes = null;

// Sets the classes of a wrapper's box and shows or hides its hint.
export function updateTable(wrap) {
  const box = wrap && wrap.parentElement;
  if (!box || !box.classList.contains('table-box')) return;
  const over = wrap.scrollWidth > wrap.clientWidth + 1;
  box.classList.toggle('overflows', over);
  box.classList.toggle('more-left', over && wrap.scrollLeft > 1);
  box.classList.toggle('more-right', over && wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
  const hint = box.previousElementSibling;
  if (hint && hint.classList.contains('scroll-hint') && hint.hidden === over) hint.hidden = !over;
}

function watch(root) {
  for (const wrap of root.querySelectorAll('.table-box > .table-wrap')) {
    if (seen.has(wrap)) continue;
    seen.add(wrap);
    sizes.observe(wrap);
    if (wrap.firstElementChild) sizes.observe(wrap.firstElementChild);
    wrap.addEventListener('scroll', () => updateTable(wrap), { passive: true });
    updateTable(wrap);
  }
}

// Watches every table wrapper that appears under root.
export function watchTables(root) {
  if (sizes || typeof ResizeObserver === 'undefined') return;
  sizes = new ResizeObserver((entries) => {
    for (const e of entries) updateTable(e.target.closest('.table-wrap'));
  });
  new MutationObserver(() => watch(root)).observe(root, { childList: true, subtree: true });
  watch(root);
}
