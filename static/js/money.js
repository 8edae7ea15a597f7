/* Money in the browser, as portal/money.py has it: amounts are BigInt tiyn (hundredths of a tenge), a line
   is quantity × unit cost rounded once half up to the tiyn, a total is the sum of its lines. The budget
   rules come from the page (data attributes rendered from the Python constants), never from here.
   Loaded before the scripts that use it: window.DemeuMoney. */
(function () {
  "use strict";

  var NBSP = "\u00a0";

  // "1 234,5" → 123450n; null for what the server would refuse (letters, a third decimal, a sign).
  function parse(text) {
    var cleaned = String(text == null ? "" : text).replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) { return null; }
    var parts = cleaned.split(".");
    var fraction = ((parts[1] || "") + "00").slice(0, 2);
    return BigInt(parts[0]) * 100n + BigInt(fraction);
  }

  // Both in hundredths: the product is in ten-thousandths; back to tiyn once, half up.
  function lineAmount(quantity, unitCost) {
    return (quantity * unitCost + 50n) / 100n;
  }

  function format(tiyn) {
    var negative = tiyn < 0n;
    if (negative) { tiyn = -tiyn; }
    var whole = (tiyn / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    var rest = tiyn % 100n;
    var text = rest ? whole + "," + rest.toString().padStart(2, "0") : whole;
    return (negative ? "\u2212" : "") + text + NBSP + "\u20b8";
  }

  // The budget rules of an element: data-direct-categories="staff travel …",
  // data-institutional-category, data-administrative-category, data-institutional-share-percent.
  function budgetRules(element) {
    var data = element.dataset;
    return {
      direct: (data.directCategories || "").split(/\s+/).filter(Boolean),
      institutional: data.institutionalCategory,
      administrative: data.administrativeCategory,
      institutionalSharePercent: BigInt(data.institutionalSharePercent || "0")
    };
  }

  // sums: {total, direct, institutional, administrative} in tiyn; the rules cross-multiplied as budget.py does.
  function budgetVerdicts(sums, lotBudget, rules) {
    return {
      total: lotBudget === null || sums.total <= lotBudget,
      institutional: sums.institutional * 100n <= sums.total * rules.institutionalSharePercent,
      administrative: sums.administrative <= sums.direct
    };
  }

  window.DemeuMoney = {
    parse: parse, lineAmount: lineAmount, format: format, budgetRules: budgetRules, budgetVerdicts: budgetVerdicts
  };
})();
