/**
 * The report's only script, inline and allowed by its hash in the page's CSP. Plain ES2017 that
 * runs from file:// in any current browser: sortable and filterable tables, pan and zoom of the
 * graph, and selection (a node or a ranking row highlights the node, its neighbours and its row).
 * It reads log-derived text only through textContent and JSON.parse, never as HTML.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent || '{}');
  var neighbours = data.neighbours || {};

  function cellValue(row, col) {
    var cell = row.cells[col];
    if (!cell) return '';
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim().toLowerCase() : Number(v);
  }

  document.querySelectorAll('table.data').forEach(function (table) {
    var body = table.tBodies[0];
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, col) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, col);
          var y = cellValue(b, col);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var filter = document.querySelector('input[data-filter="' + table.id + '"]');
    var counter = document.querySelector('[data-count="' + table.id + '"]');
    if (filter) {
      filter.addEventListener('input', function () {
        var q = filter.value.trim().toLowerCase();
        var shown = 0;
        Array.prototype.forEach.call(body.rows, function (r) {
          var match = q === '' || r.textContent.toLowerCase().indexOf(q) >= 0;
          r.hidden = !match;
          if (match) shown++;
        });
        if (counter) counter.textContent = shown + ' of ' + body.rows.length + ' rows';
      });
    }
  });

  var svg = document.getElementById('graph');
  if (!svg) return;
  var box = svg.viewBox.baseVal;
  var home = { x: box.x, y: box.y, w: box.width, h: box.height };
  function zoom(factor, cx, cy) {
    var w = box.width * factor;
    if (w < home.w / 20 || w > home.w * 4) return;
    box.x = cx - (cx - box.x) * factor;
    box.y = cy - (cy - box.y) * factor;
    box.width = w;
    box.height = box.height * factor;
  }
  function toGraph(evt) {
    var r = svg.getBoundingClientRect();
    return { x: box.x + ((evt.clientX - r.left) / r.width) * box.width, y: box.y + ((evt.clientY - r.top) / r.height) * box.height };
  }
  svg.addEventListener('wheel', function (evt) {
    evt.preventDefault();
    var p = toGraph(evt);
    zoom(evt.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (evt) {
    drag = { x: evt.clientX, y: evt.clientY, bx: box.x, by: box.y, moved: false };
  });
  window.addEventListener('pointermove', function (evt) {
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    var dx = evt.clientX - drag.x;
    var dy = evt.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    box.x = drag.bx - (dx / r.width) * box.width;
    box.y = drag.by - (dy / r.height) * box.height;
  });
  window.addEventListener('pointerup', function () { setTimeout(function () { drag = null; }, 0); });
  function button(action, f) {
    var b = document.querySelector('button[data-graph="' + action + '"]');
    if (b) b.addEventListener('click', f);
  }
  button('zoom-in', function () { zoom(0.8, box.x + box.width / 2, box.y + box.height / 2); });
  button('zoom-out', function () { zoom(1.25, box.x + box.width / 2, box.y + box.height / 2); });
  button('reset', function () { box.x = home.x; box.y = home.y; box.width = home.w; box.height = home.h; });

  var selected = document.getElementById('selected-node');
  function select(n) {
    document.querySelectorAll('.sel, .near').forEach(function (el) { el.classList.remove('sel', 'near'); });
    svg.classList.toggle('focus', n !== null);
    if (n === null) { if (selected) selected.textContent = 'none (click a node or a ranking row)'; return; }
    var near = neighbours[n] || [];
    document.querySelectorAll('[data-n="' + n + '"]').forEach(function (el) { el.classList.add('sel'); });
    near.forEach(function (m) {
      svg.querySelectorAll('g.node[data-n="' + m + '"]').forEach(function (el) { el.classList.add('near'); });
    });
    svg.querySelectorAll('line[data-a="' + n + '"], line[data-b="' + n + '"]').forEach(function (el) { el.classList.add('near'); });
    if (selected) selected.textContent = (data.labels && data.labels[n] || '') + ' (' + near.length + ' neighbours)';
  }
  svg.addEventListener('click', function (evt) {
    if (drag && drag.moved) return;
    var g = evt.target.closest('g.node');
    select(g ? Number(g.getAttribute('data-n')) : null);
    if (g) {
      var row = document.querySelector('#rankings tr[data-n="' + g.getAttribute('data-n') + '"]');
      if (row && !row.hidden) row.scrollIntoView({ block: 'nearest' });
    }
  });
  document.querySelectorAll('button[data-select]').forEach(function (b) {
    b.addEventListener('click', function () {
      select(Number(b.getAttribute('data-select')));
      svg.scrollIntoView({ block: 'center' });
    });
  });
  document.querySelectorAll('#rankings tbody tr').forEach(function (row) {
    row.addEventListener('click', function () { select(Number(row.getAttribute('data-n'))); });
  });
})();`;
