// The score sheet: ask before the final submit, and mark a comment as required while a score is
// under its criterion's threshold (the server checks it too).
(function () {
  "use strict";
  function updateRequired(input) {
    var threshold = input.dataset.threshold;
    var fieldset = input.closest("fieldset");
    if (!fieldset) { return; }
    var comment = fieldset.querySelector("textarea");
    if (!comment) { return; }
    var below = threshold !== "" && input.value !== "" && Number(input.value) < Number(threshold);
    comment.required = below;
    comment.setAttribute("aria-required", below ? "true" : "false");
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".score-input").forEach(function (input) {
      updateRequired(input);
      input.addEventListener("input", function () { updateRequired(input); });
    });
    document.querySelectorAll("button[data-confirm]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
      });
    });
  });
})();
