/* Lot form: number new inline rows for htmx, and keep the cost justification's totals up to date as
   the user types. No inline script: the strict CSP forbids it. */
(function () {
  "use strict";

  var NBSP = "\u00a0";

  function parseAmount(text) {
    var cleaned = String(text || "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (cleaned === "" || !/^-?\d*(\.\d*)?$/.test(cleaned)) { return null; }
    var value = Number(cleaned);
    return isFinite(value) ? value : null;
  }

  // Work in tiyn (hundredths) so sums are exact.
  function toTiyn(value) { return Math.round(value * 100); }

  function formatTenge(tiyn) {
    var negative = tiyn < 0;
    tiyn = Math.abs(tiyn);
    var whole = Math.floor(tiyn / 100);
    var rest = tiyn % 100;
    var grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    var text = rest ? grouped + "," + String(rest).padStart(2, "0") : grouped;
    return (negative ? "\u2212" : "") + text + NBSP + "\u20b8";
  }

  function fieldValue(row, suffix) {
    var input = row.querySelector("input[name$='-" + suffix + "']");
    return input ? parseAmount(input.value) : null;
  }

  function recalc(form) {
    var body = form.querySelector("#line-rows");
    if (!body) { return; }
    var total = 0;
    body.querySelectorAll("tr.justification-row").forEach(function (row) {
      var quantity = fieldValue(row, "quantity");
      var unitCost = fieldValue(row, "unit_cost");
      var cell = row.querySelector("[data-line-amount]");
      if (quantity === null || unitCost === null) {
        if (cell) { cell.textContent = ""; }
        return;
      }
      var amount = Math.round(toTiyn(quantity) * toTiyn(unitCost) / 100);
      total += amount;
      if (cell) { cell.textContent = formatTenge(amount); }
    });
    var totalCell = form.querySelector("[data-lines-total]");
    if (totalCell) { totalCell.textContent = formatTenge(total); }
    var status = form.querySelector("[data-lines-status]");
    var budgetInput = form.querySelector("[data-lot-budget]");
    var budget = budgetInput ? parseAmount(budgetInput.value) : null;
    if (!status) { return; }
    if (budget === null) { status.textContent = ""; return; }
    var difference = total - toTiyn(budget);
    status.classList.toggle("text-success", difference === 0);
    status.classList.toggle("text-danger", difference !== 0);
    if (difference === 0) {
      status.textContent = status.dataset.textMatch;
    } else if (difference < 0) {
      status.textContent = status.dataset.textUnder.replace("{amount}", formatTenge(-difference));
    } else {
      status.textContent = status.dataset.textOver.replace("{amount}", formatTenge(difference));
    }
  }

  function nextIndex(body) {
    var next = 0;
    body.querySelectorAll("tr[data-index]").forEach(function (row) {
      next = Math.max(next, Number(row.dataset.index) + 1);
    });
    return next;
  }

  function setUp(form) {
    form.addEventListener("input", function () { recalc(form); });
    var body = form.querySelector("#line-rows");
    if (body && window.MutationObserver) {
      new MutationObserver(function () { recalc(form); }).observe(body, { childList: true });
    }
    recalc(form);
  }

  // htmx asks for a new row: tell the server the next free row number of that table.
  document.addEventListener("htmx:configRequest", function (event) {
    var button = event.detail.elt;
    if (!button || !button.dataset || !button.dataset.addRow) { return; }
    var body = document.querySelector(button.getAttribute("hx-target"));
    if (body) { event.detail.parameters.next = nextIndex(body); }
  });

  // Focus the first field of a row just added, so keyboard users carry on typing.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.tagName === "TBODY" && target.lastElementChild) {
      var first = target.lastElementChild.querySelector("input, textarea, select");
      if (first) { first.focus(); }
    }
  });

  document.querySelectorAll("form[data-grants-form]").forEach(setUp);
})();
