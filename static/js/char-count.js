/* A live counter under every text input or area with a length limit (the form base sets data-counter to the
   sentence in the page's language, with {remaining} for the number). The visible count follows each key; the
   polite live region speaks only after a pause, so a screen reader is not interrupted at every letter.
   Works for fields added later by htmx (rows of a table) too. No inline script: the strict CSP forbids it. */
(function () {
  "use strict";

  var PAUSE_MS = 800;

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

    function update(speak) {
      visible.textContent = text();
      visible.classList.toggle("text-danger", field.value.length >= limit);
      if (timer) window.clearTimeout(timer);
      if (speak) {
        timer = window.setTimeout(function () { spoken.textContent = text(); }, PAUSE_MS);
      }
    }

    field.addEventListener("input", function () { update(true); });
    update(false);
  }

  function scan(root) {
    (root || document).querySelectorAll("[data-counter][maxlength]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (event) { scan(event.target); });
})();
