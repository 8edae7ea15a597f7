/* A live counter under every text input or area with a length limit (the form base sets data-counter to the
   sentence in the page's language, with {remaining} for the number). The visible count follows each key; the
   polite live region speaks only after a pause, so a screen reader is not interrupted at every letter.
   The count shows while the field has focus, and stays when the text is close to the limit (the rows of
   a table would be cluttered with counters no one is typing into). Hidden keeps its space: a count that
   collapsed on blur would move the field below just as it is clicked.
   Works for fields added later (rows of a table) too. No inline script: the strict CSP forbids it. */
(function () {
  "use strict";

  var PAUSE_MS = 800;
  var NEAR = 0.9;  // from 90 % of the limit the count stays in view

  function format(number) {
    return number.toLocaleString(document.documentElement.lang || undefined);
  }

  function attach(field) {
    if (field.dataset.counterReady) return;
    field.dataset.counterReady = "1";
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit) return;
    var visible = document.createElement("div");
    visible.className = "form-text char-counter";
    visible.id = (field.id || field.name) + "_counter";
    visible.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("div");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", visible);
    visible.insertAdjacentElement("afterend", spoken);
    var timer = null;

    function text() {
      var remaining = Math.max(limit - field.value.length, 0);
      return field.dataset.counter.replace("{remaining}", format(remaining));
    }

    var focused = false;

    function update(speak) {
      visible.textContent = text();
      visible.classList.toggle("text-danger", field.value.length >= limit);
      visible.classList.toggle("invisible", !focused && field.value.length < limit * NEAR);
      if (timer) window.clearTimeout(timer);
      if (speak) {
        timer = window.setTimeout(function () { spoken.textContent = text(); }, PAUSE_MS);
      }
    }

    field.addEventListener("input", function () { update(true); });
    field.addEventListener("focus", function () { focused = true; update(false); });
    field.addEventListener("blur", function () { focused = false; update(false); });
    update(false);
  }

  function scan(root) {
    (root || document).querySelectorAll("[data-counter][maxlength]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    // Rows added later (by htmx or cloned from a template) get their counters too.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches("[data-counter][maxlength]")) attach(node);
          scan(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
