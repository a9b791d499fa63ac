// The network map's pan and zoom (drag, wheel, the + − buttons) and live search highlighting,
// written for clusterbridge. The map works without it: the SVG shows whole, each node is a link,
// and the search form is answered by the server.
(function () {
  "use strict";
  var svg = document.getElementById("network-map");
  if (!svg) { return; }
  var full = { x: 0, y: 0, w: 1000, h: 1000 };
  var view = { x: 0, y: 0, w: 1000, h: 1000 };
  function apply() {
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(full.w, Math.max(20, view.w * factor));
    var k = w / view.w;
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    view.x = cx - (cx - view.x) * k;
    view.y = cy - (cy - view.y) * k;
    view.w = w;
    view.h = w;
    apply();
  }
  function point(evt) {
    var r = svg.getBoundingClientRect();
    return { x: view.x + (evt.clientX - r.left) / r.width * view.w, y: view.y + (evt.clientY - r.top) / r.height * view.h };
  }
  var tools = document.querySelector(".network-tools");
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (evt) {
      var what = evt.target.getAttribute("data-zoom");
      if (what === "in") { zoom(0.6); }
      if (what === "out") { zoom(1 / 0.6); }
      if (what === "reset") { view = { x: 0, y: 0, w: 1000, h: 1000 }; apply(); }
    });
  }
  svg.addEventListener("wheel", function (evt) {
    evt.preventDefault();
    var p = point(evt);
    zoom(evt.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
  }, { passive: false });
  var drag = null;
  var moved = false;
  svg.addEventListener("pointerdown", function (evt) {
    drag = { x: evt.clientX, y: evt.clientY, vx: view.x, vy: view.y };
    moved = false;
  });
  window.addEventListener("pointermove", function (evt) {
    if (!drag) { return; }
    var r = svg.getBoundingClientRect();
    var dx = evt.clientX - drag.x, dy = evt.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) { moved = true; }
    if (moved) {
      view.x = drag.vx - dx / r.width * view.w;
      view.y = drag.vy - dy / r.height * view.h;
      apply();
    }
  });
  window.addEventListener("pointerup", function () { drag = null; });
  // A drag is not a click on the node it started on.
  svg.addEventListener("click", function (evt) {
    if (moved) { evt.preventDefault(); moved = false; }
  }, true);
  function focusOn(circle) {
    var cx = parseFloat(circle.getAttribute("cx")), cy = parseFloat(circle.getAttribute("cy"));
    view = { x: cx - 100, y: cy - 100, w: 200, h: 200 };
    apply();
  }
  var circles = svg.querySelectorAll("circle[data-name]");
  var input = document.getElementById("network-q");
  if (input) {
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var first = null;
      for (var i = 0; i < circles.length; i++) {
        var c = circles[i];
        var hit = needle.length > 1 && c.getAttribute("data-name").toLowerCase().indexOf(needle) >= 0;
        c.classList.toggle("hit", hit);
        if (hit) { c.setAttribute("stroke", "#111"); c.setAttribute("stroke-width", "3"); } else { c.removeAttribute("stroke"); c.removeAttribute("stroke-width"); }
        if (hit && !first) { first = c; }
      }
      if (first) { focusOn(first); } else { view = { x: 0, y: 0, w: 1000, h: 1000 }; apply(); }
    });
  }
  var hit = svg.querySelector("circle.hit");
  if (hit) { focusOn(hit); }
})();
