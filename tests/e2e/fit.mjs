// What "fits" means for a tool's layout, measured in the page on the tool's `.cs-root`: no element
// reaches outside the root's box unless it is inside a labelled scroll region, no two controls
// overlap, no control's text is cut, and every summary's figures are inside the box and not cut by
// their own scroll region.

/** Runs in the page (pass it to `evaluate`): the misfits of the `.cs-root` element `root`. */
export function misfits(root) {
  const box = root.getBoundingClientRect();
  // A labelled region that scrolls (a wide table), or the app's tab strip, which scrolls on a
  // phone with the chosen tab in view.
  const scrolls = (e) =>
    ['region', 'tablist'].includes(e.getAttribute('role')) && e.hasAttribute('aria-label') && getComputedStyle(e).overflowX !== 'visible';
  const inRegion = (el) => {
    for (let e = el; e && e !== root; e = e.parentElement) if (scrolls(e)) return true;
    return false;
  };
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}`;
  const outside = [];
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > box.right + 1 || r.left < box.left - 1) && !inRegion(el)) {
      outside.push(`${name(el)} ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of ${Math.round(box.width)}`);
    }
  }
  const controls = [...root.querySelectorAll('input, select, button, textarea')]
    .filter((el) => !inRegion(el))
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0);
  const overlaps = [];
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const [a, ra] = controls[i];
      const [b, rb] = controls[j];
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1 && !a.contains(b) && !b.contains(a)) overlaps.push(`${name(a)} / ${name(b)}`);
    }
  }
  // A control whose text is cut: a select's chosen text wider than its room (a select reading
  // "not sta"), or a button whose words break across lines (one letter a line).
  const ctx = document.createElement('canvas').getContext('2d');
  const selectCut = (el) => {
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    // A select's arrow takes about 1.5em of its content box.
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 1.5 * parseFloat(cs.fontSize);
    return ctx.measureText(el.selectedOptions[0]?.text ?? '').width > room + 2;
  };
  const buttonCut = (el) => {
    if (el.scrollWidth > el.clientWidth + 1) return true;
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    return lines > el.textContent.trim().split(/\s+/).length;
  };
  // Also inside a scroll region: a table may scroll, its controls' text may not be cut.
  const cut = [...root.querySelectorAll('select, button')]
    .filter((el) => el.getBoundingClientRect().width > 0)
    .filter((el) => (el.tagName === 'SELECT' ? selectCut(el) : buttonCut(el)))
    .map((el) => `${name(el)} "${el.tagName === 'SELECT' ? el.selectedOptions[0]?.text : el.textContent.trim()}"`);
  const summaries = [...root.querySelectorAll('.summary')]
    .map((s) => {
      const r = s.getBoundingClientRect();
      const scrolled = [...s.querySelectorAll('.table-scroll')].filter((t) => t.scrollWidth > t.clientWidth + 1);
      const inside = r.left >= box.left - 1 && r.right <= box.right + 1;
      return inside && !scrolled.length ? null : `${name(s)}: ${inside ? '' : 'outside the box '}${scrolled.map(name).join(' ')}`;
    })
    .filter(Boolean);
  const found = {};
  const overflow = root.scrollWidth - root.clientWidth;
  if (overflow > 1) found.overflow = overflow;
  if (outside.length) found.outside = outside.slice(0, 8);
  if (overlaps.length) found.overlaps = overlaps.slice(0, 8);
  if (cut.length) found.cut = cut.slice(0, 8);
  if (summaries.length) found.summaries = summaries;
  return found;
}
