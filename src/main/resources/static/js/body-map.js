/* Body map (pain finder): tap/click, Space/Enter toggle; arrows move to the nearest region in that direction;
   Home/End jump within a view. The checkboxes (name="regions" in the finder) stay the source of truth for the form;
   one page may hold several maps, each with its own checkboxes. */
(function () {
  'use strict';
  var KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  var NS = 'http://www.w3.org/2000/svg';

  function init(root) {
    if (root.classList.contains('bm--js')) return;
    root.classList.add('bm--js');
    var list = root.querySelector('.bm-list');
    if (list) list.open = false;

    var boxes = {}, shapes = {};
    each(root.querySelectorAll('.bm-opt input[type="checkbox"]'), function (b) { boxes[b.value] = b; });
    each(root.querySelectorAll('[data-region]'), function (r) {
      var id = r.getAttribute('data-region');
      (shapes[id] = shapes[id] || []).push(r);
    });

    function paint(id) {
      var on = !!(boxes[id] && boxes[id].checked);
      each(shapes[id] || [], function (r) {
        r.setAttribute('aria-checked', on ? 'true' : 'false');
        r.classList.toggle('is-on', on);
      });
    }
    function paintAll() { Object.keys(shapes).forEach(paint); }
    paintAll();
    window.addEventListener('pageshow', paintAll); // form state restored by back/forward navigation

    root.addEventListener('change', function (e) {
      var t = e.target;
      if (t && boxes[t.value] === t) paint(t.value);
    });

    function toggle(r) {
      var b = boxes[r.getAttribute('data-region')];
      if (!b) return;
      b.checked = !b.checked;
      b.dispatchEvent(new Event('change', { bubbles: true }));
    }

    var rings = [];
    root.addEventListener('focusin', function (e) {
      var r = e.target.closest && e.target.closest('[data-region]');
      rings.forEach(function (p) {
        var mine = r && p[0].contains(r), kb = true;
        if (mine) {
          p[1].setAttribute('d', r.querySelector('.bm-s').getAttribute('d'));
          try { kb = r.matches(':focus-visible'); } catch (x) { /* older browser: always show */ }
        }
        p[1].classList.toggle('is-shown', !!mine && kb);
      });
    });
    root.addEventListener('focusout', function () {
      rings.forEach(function (p) { p[1].classList.remove('is-shown'); });
    });

    each(root.querySelectorAll('svg.bm-svg'), function (svg) {
      var regs = Array.prototype.slice.call(svg.querySelectorAll('[data-region]'));
      if (!regs.length) return;
      var ring = document.createElementNS(NS, 'path');
      ring.setAttribute('class', 'bm-ring');
      ring.setAttribute('aria-hidden', 'true');
      svg.appendChild(ring);
      var centres = null;

      function centre(i) {
        if (!centres) {
          centres = regs.map(function (r) {
            var b = r.querySelector('.bm-s').getBBox();
            return [b.x + b.width / 2, b.y + b.height / 2];
          });
        }
        return centres[i];
      }

      // roving tabindex: one stop per view
      var first = regs.filter(function (r) { return r.classList.contains('is-on'); })[0] || regs[0];
      regs.forEach(function (r) { r.setAttribute('tabindex', r === first ? '0' : '-1'); });
      function moveTo(r) {
        regs.forEach(function (o) { o.setAttribute('tabindex', o === r ? '0' : '-1'); });
        r.focus();
      }

      function nearest(i, dx, dy) {
        var c = centre(i), best = -1, bestScore = Infinity;
        for (var j = 0; j < regs.length; j++) {
          if (j === i) continue;
          var o = centre(j), vx = o[0] - c[0], vy = o[1] - c[1];
          var along = vx * dx + vy * dy, across = Math.abs(vx * dy - vy * dx);
          if (along < 0.5 || across > along * 2.5) continue;
          var score = along + across * 3;
          if (score < bestScore) { bestScore = score; best = j; }
        }
        return best;
      }

      svg.addEventListener('click', function (e) {
        var r = e.target.closest('[data-region]'), h = !r && e.target.closest('[data-hit]');
        if (h) r = svg.querySelector('[data-region="' + h.getAttribute('data-hit') + '"]');
        if (!r) return;
        toggle(r);
        moveTo(r);
      });

      // an enlarged hit area shows the same hover as its region
      function hover(e, on) {
        var h = e.target.closest && e.target.closest('[data-hit]');
        var r = h && svg.querySelector('[data-region="' + h.getAttribute('data-hit') + '"]');
        if (r) r.classList.toggle('is-hover', on);
      }
      svg.addEventListener('mouseover', function (e) { hover(e, true); });
      svg.addEventListener('mouseout', function (e) { hover(e, false); });

      svg.addEventListener('keydown', function (e) {
        var r = e.target.closest('[data-region]');
        if (!r) return;
        var i = regs.indexOf(r), k = e.key, dir = KEYS[k], j = -1;
        if (k === ' ' || k === 'Enter' || k === 'Spacebar') {
          e.preventDefault();
          toggle(r);
          return;
        }
        if (dir) j = nearest(i, dir[0], dir[1]);
        else if (k === 'Home') j = 0;
        else if (k === 'End') j = regs.length - 1;
        else return;
        e.preventDefault();
        if (j >= 0) moveTo(regs[j]);
      });

      // focus listeners sit on the HTML root: Blink makes an <svg> with its own focus listeners a tab stop
      rings.push([svg, ring]);
    });
  }

  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  function start() { each(document.querySelectorAll('[data-bodymap]'), init); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
