/* Lot form: number new inline rows for htmx, and keep the cost justification's totals up to date as
   the user types. No inline script: the strict CSP forbids it. */
(function () {
  "use strict";

  var money = window.DemeuMoney;  // static/js/money.js: tiyn, half up, as portal/money.py

  function fieldValue(row, suffix) {
    var input = row.querySelector("input[name$='-" + suffix + "']");
    return input ? money.parse(input.value) : null;
  }

  function recalc(form) {
    var body = form.querySelector("#line-rows");
    if (!body) { return; }
    var total = 0n;
    body.querySelectorAll("tr.justification-row").forEach(function (row) {
      var quantity = fieldValue(row, "quantity");
      var unitCost = fieldValue(row, "unit_cost");
      var cell = row.querySelector("[data-line-amount]");
      if (quantity === null || unitCost === null) {
        if (cell) { cell.textContent = ""; }
        return;
      }
      var amount = money.lineAmount(quantity, unitCost);
      total += amount;
      if (cell) { cell.textContent = money.format(amount); }
    });
    var totalCell = form.querySelector("[data-lines-total]");
    if (totalCell) { totalCell.textContent = money.format(total); }
    var status = form.querySelector("[data-lines-status]");
    var budgetInput = form.querySelector("[data-lot-budget]");
    var budget = budgetInput ? money.parse(budgetInput.value) : null;
    if (!status) { return; }
    if (budget === null) { status.textContent = ""; return; }
    var difference = total - budget;
    status.classList.toggle("text-success", difference === 0n);
    status.classList.toggle("text-danger", difference !== 0n);
    if (difference === 0n) {
      status.textContent = status.dataset.textMatch;
    } else if (difference < 0n) {
      status.textContent = status.dataset.textUnder.replace("{amount}", money.format(-difference));
    } else {
      status.textContent = status.dataset.textOver.replace("{amount}", money.format(difference));
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
