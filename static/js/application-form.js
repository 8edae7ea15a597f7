/* Application sections: autosave status, rows added and removed, budget totals as you type, and a copy
   of unsaved text on this device so that a lost connection or an expired session loses nothing.
   No inline script: the strict CSP forbids it. */
(function () {
  "use strict";

  var form = document.getElementById("section-form");
  if (!form) { return; }
  var storageKey = form.dataset.autosaveKey;
  var inflight = 0;
  var lastInput = 0;
  var requestStarted = 0;

  // ---- Budget totals as you type: the sums and the rules of static/js/money.js and the page. -------------

  var money = window.DemeuMoney;

  function recalcBudget() {
    var table = form.querySelector(".budget-table");
    if (!table) { return; }
    var rules = money.budgetRules(table);
    var sums = { total: 0n, direct: 0n, institutional: 0n, administrative: 0n };
    table.querySelectorAll("tr.budget-row").forEach(function (row) {
      var cell = row.querySelector("[data-line-amount]");
      var removed = row.querySelector("input[name$='-DELETE']");
      var quantity = money.parse((row.querySelector("[data-budget='quantity']") || {}).value);
      var unitCost = money.parse((row.querySelector("[data-budget='unit_cost']") || {}).value);
      if ((removed && removed.checked) || quantity === null || unitCost === null) {
        if (cell) { cell.textContent = ""; }
        return;
      }
      var amount = money.lineAmount(quantity, unitCost);
      var category = (row.querySelector("[data-budget='category']") || {}).value;
      sums.total += amount;
      if (rules.direct.indexOf(category) >= 0) { sums.direct += amount; }
      if (category === rules.institutional) { sums.institutional += amount; }
      if (category === rules.administrative) { sums.administrative += amount; }
      if (cell) { cell.textContent = money.format(amount); }
    });
    Object.keys(sums).forEach(function (key) {
      var target = form.querySelector("[data-sum='" + key + "']");
      if (target) { target.textContent = money.format(sums[key]); }
    });
    var totalCell = form.querySelector("[data-budget-total]");
    if (totalCell) { totalCell.textContent = money.format(sums.total); }
    var verdicts = money.budgetVerdicts(sums, money.parse(table.dataset.lotBudget), rules);
    Object.keys(verdicts).forEach(function (rule) {
      var item = form.querySelector("[data-rule='" + rule + "']");
      if (!item) { return; }
      item.textContent = (verdicts[rule] ? "\u2713 " + item.dataset.ok : "\u2717 " + item.dataset.bad);
      item.classList.toggle("text-success", verdicts[rule]);
      item.classList.toggle("text-danger", !verdicts[rule]);
    });
  }

  // ---- Rows -----------------------------------------------------------------------------------------------

  function addRow(container) {
    var template = container.querySelector("template[data-row-template]");
    var body = container.querySelector("[data-row-container]");
    var total = container.querySelector("input[name$='-TOTAL_FORMS']");
    if (!template || !body || !total) { return null; }
    var index = parseInt(total.value, 10) || 0;
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    return body.lastElementChild;
  }

  function ensureRows(totalName, wanted) {
    var total = form.querySelector("input[name='" + totalName + "']");
    if (!total) { return; }
    var container = total.closest("[data-formset]");
    while (container && (parseInt(total.value, 10) || 0) < wanted) {
      if (!addRow(container)) { break; }
    }
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-row]");
    if (!button) { return; }
    var row = addRow(button.closest("[data-formset]"));
    if (row) {
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    }
  });

  form.addEventListener("change", function (event) {
    if (event.target.name && /-DELETE$/.test(event.target.name)) {
      var row = event.target.closest("tr");
      if (row) { row.classList.toggle("row-removed", event.target.checked); }
    }
    recalcBudget();
  });

  // ---- A copy of unsaved text on this device --------------------------------------------------------------

  function versionValue() {
    var input = document.getElementById("section-version");
    return input ? input.value : "";
  }

  function serialise() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "version" && typeof value === "string") {
        fields.push([name, value]);
      }
    });
    return fields;
  }

  function remember() {
    if (!storageKey) { return; }
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: versionValue(), at: Date.now(), fields: serialise() }));
    } catch (error) { /* storage full or disabled: the server copy still counts */ }
  }

  function forget() {
    try { localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
  }

  function stored() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (error) { return null; }
  }

  function apply(fields) {
    fields.forEach(function (pair) {
      if (/-TOTAL_FORMS$/.test(pair[0])) { ensureRows(pair[0], parseInt(pair[1], 10) || 0); }
    });
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
    fields.forEach(function (pair) {
      var name = pair[0];
      var value = pair[1];
      form.querySelectorAll("[name='" + name.replace(/'/g, "\\'") + "']").forEach(function (element) {
        if (element.type === "checkbox") { element.checked = true; }
        else if (element.type === "radio") { element.checked = element.value === value; }
        else if (element.type !== "file") { element.value = value; }
      });
    });
    form.querySelectorAll("input[name$='-DELETE']").forEach(function (box) {
      var row = box.closest("tr");
      if (row) { row.classList.toggle("row-removed", box.checked); }
    });
    recalcBudget();
  }

  function sameAsPage(fields) {
    return JSON.stringify(fields) === JSON.stringify(serialise());
  }

  function restoreFromDevice() {
    // True when the text kept on this device was put back and is being saved.
    var kept = stored();
    if (!kept || !kept.fields) { return false; }
    if (sameAsPage(kept.fields)) { forget(); return false; }
    var notice = document.getElementById("restore-notice");
    if (kept.version === versionValue()) {
      apply(kept.fields);
      if (notice) { notice.textContent = form.dataset.textRestored; notice.classList.remove("d-none"); }
      lastInput = Date.now();
      htmx.trigger(form, "change");
      return true;
    }
    if (!notice) { return false; }
    notice.textContent = form.dataset.textOffer + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm btn-primary ms-2";
    button.textContent = form.dataset.textRestore;
    button.addEventListener("click", function () {
      apply(kept.fields);
      notice.classList.add("d-none");
      lastInput = Date.now();
      htmx.trigger(form, "change");
    });
    notice.appendChild(button);
    notice.classList.remove("d-none");
    return false;
  }

  form.addEventListener("input", function () { lastInput = Date.now(); remember(); recalcBudget(); });
  form.addEventListener("change", function () { lastInput = Date.now(); remember(); });

  // ---- Autosave through htmx ------------------------------------------------------------------------------

  document.body.addEventListener("htmx:beforeSwap", function (event) {
    // Refusals carry a message for the status line: show it instead of dropping it.
    if ([401, 403, 409, 422].indexOf(event.detail.xhr.status) >= 0) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  form.addEventListener("htmx:confirm", function (event) {
    // Once the form is being sent in full, no autosave may race it.
    if (form.dataset.submitting) { event.preventDefault(); }
  });

  form.addEventListener("htmx:beforeRequest", function () {
    inflight += 1;
    requestStarted = Date.now();
    var status = document.getElementById("autosave-status");
    if (status && form.dataset.textSaving) { status.textContent = form.dataset.textSaving; }
  });

  form.addEventListener("htmx:afterRequest", function (event) {
    inflight = Math.max(0, inflight - 1);
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status === 200 && lastInput <= requestStarted) { forget(); }
    if (status === 409) { form.dataset.conflict = "1"; }
    if (inflight === 0) { form.dispatchEvent(new CustomEvent("autosave:idle")); }
  });

  function offline() {
    var status = document.getElementById("autosave-status");
    if (status) {
      status.textContent = form.dataset.textOffline;
      status.className = "autosave-status autosave-status--offline";
    }
  }

  form.addEventListener("htmx:sendError", offline);
  form.addEventListener("htmx:timeout", offline);
  window.addEventListener("online", function () { if (stored()) { htmx.trigger(form, "change"); } });

  form.addEventListener("submit", function (event) {
    form.dataset.submitting = "1";
    if (inflight > 0) {
      // Let the autosave in flight finish (it updates the version), then send the form.
      event.preventDefault();
      var submitter = event.submitter;
      form.addEventListener("autosave:idle", function () { form.requestSubmit(submitter); }, { once: true });
    }
  });

  window.addEventListener("pagehide", function () {
    // Leaving the section with text typed since the last save: send it on the way out.
    if (form.dataset.submitting || form.dataset.conflict || lastInput <= requestStarted || !navigator.sendBeacon) {
      return;
    }
    navigator.sendBeacon(form.action, new FormData(form));
  });

  function typedBeforeReady() {
    // What was typed while the page was still loading (a slow connection) came before any listener: the
    // fields differ from what the server sent, and no input event said so.
    return Array.prototype.some.call(form.elements, function (element) {
      if (element.type === "checkbox" || element.type === "radio") { return element.checked !== element.defaultChecked; }
      if (element.tagName === "SELECT") {
        return Array.prototype.some.call(element.options, function (option) { return option.selected !== option.defaultSelected; });
      }
      if (["file", "hidden", "submit", "button"].indexOf(element.type) >= 0 || !("defaultValue" in element)) { return false; }
      return element.value !== element.defaultValue;
    });
  }

  function ready() {
    // The form's own change listener marks the input and keeps the copy on the device.
    if (!restoreFromDevice() && typedBeforeReady()) { htmx.trigger(form, "change"); }
  }

  recalcBudget();
  // After htmx has set up the form (its own DOMContentLoaded handler was registered first).
  document.addEventListener("DOMContentLoaded", ready);
})();
