// chronicle web view: a little progressive enhancement; every page works without it.
(function () {
  "use strict";

  // Flash the evidence span(s) a record links to (#quote-q1 → every fragment with data-span="quote:q1").
  function flash(id) {
    var first = document.getElementById(id);
    if (!first || !first.dataset.span) return;
    var parts = document.querySelectorAll('[data-span="' + CSS.escape(first.dataset.span) + '"]');
    parts.forEach(function (el) { el.classList.add("flash"); });
    setTimeout(function () { parts.forEach(function (el) { el.classList.remove("flash"); }); }, 1800);
  }

  function onHash() {
    if (location.hash.length > 1) flash(decodeURIComponent(location.hash.slice(1)));
  }

  document.addEventListener("DOMContentLoaded", function () {
    onHash();
    window.addEventListener("hashchange", onHash);

    // Highlight layers on the article page.
    var text = document.getElementById("text");
    document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        if (text) text.classList.toggle("no-" + box.dataset.layer, !box.checked);
      });
    });

    // Hovering a record in the side list outlines its evidence.
    document.querySelectorAll("aside.records li.rec[data-target]").forEach(function (li) {
      li.addEventListener("mouseenter", function () { flash(li.dataset.target); });
    });

    // Filter forms: leave empty fields out of the URL.
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (el) {
          if (el.name && el.value === "") el.disabled = true;
        });
      });
    });
  });
})();
