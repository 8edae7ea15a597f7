// Signs the exact bytes the server issued with NCALayer (the NCA's desktop signer, a WebSocket on the
// user's machine), then posts the CMS with the form. Protocol: NCALayer greets with {result: {version}};
// the request {module: "kz.gov.pki.knca.basics", method: "sign", args: {...}} is answered with
// {status: true, body: {result: [cms]}}, {status: true, body: {}} when the user cancels, or
// {status: false, code, message, details} on an error.
(function () {
  "use strict";

  function say(box, text, isError) {
    var status = box.querySelector(".esign-status");
    status.textContent = text;
    status.classList.toggle("text-danger", Boolean(isError));
  }

  function failure(box, response) {
    var reason = [response.message, response.details].filter(Boolean).join(" ");
    if (/expir|истек|срок|мерзім/i.test(reason)) {
      return box.dataset.msgExpired;
    }
    return box.dataset.msgFailed.replace("{reason}", reason || String(response.code || ""));
  }

  function signWithNcalayer(box, challenge) {
    return new Promise(function (resolve, reject) {
      var socket;
      var greeted = false;
      var settled = false;
      function finish(error, cms) {
        if (settled) { return; }
        settled = true;
        try { socket.close(); } catch (ignored) { /* already closed */ }
        if (error) { reject(error); } else { resolve(cms); }
      }
      try {
        socket = new WebSocket(box.dataset.esignNcalayer);
      } catch (error) {
        reject(new Error(box.dataset.msgNotRunning));
        return;
      }
      socket.onerror = function () { finish(new Error(box.dataset.msgNotRunning)); };
      socket.onclose = function () { finish(new Error(greeted ? box.dataset.msgCancelled : box.dataset.msgNotRunning)); };
      socket.onmessage = function (event) {
        var response;
        try { response = JSON.parse(event.data); } catch (error) { finish(new Error(box.dataset.msgNotRunning)); return; }
        if (!greeted && response.result && response.result.version) {
          greeted = true;
          say(box, box.dataset.msgChooseKey);
          socket.send(JSON.stringify({
            module: "kz.gov.pki.knca.basics",
            method: "sign",
            args: {
              allowedStorages: null,
              format: "cms",
              data: challenge.data,
              signingParams: {decode: true, encapsulate: true, digested: false},
              signerParams: {extKeyUsageOids: ["1.3.6.1.5.5.7.3.4"], iin: challenge.iin},
              locale: box.dataset.esignLocale === "en" ? "en" : box.dataset.esignLocale === "ru" ? "ru" : "kk"
            }
          }));
          return;
        }
        if (response.status === false) { finish(new Error(failure(box, response))); return; }
        var result = response.body && response.body.result;
        if (!result) { finish(new Error(box.dataset.msgCancelled)); return; }
        finish(null, Array.isArray(result) ? result[0] : result);
      };
    });
  }

  function requestChallenge(form, box) {
    var data = new FormData();
    data.append("action", box.dataset.esignAction);
    data.append("object", box.dataset.esignObject);
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    return fetch(box.dataset.esignChallengeUrl, {method: "POST", body: data, credentials: "same-origin"})
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.error || response.statusText); }
          return body;
        });
      });
  }

  document.querySelectorAll("form [data-esign]").forEach(function (box) {
    var form = box.closest("form");
    var nonce = box.querySelector("[name=esign_nonce]");
    var cms = box.querySelector("[name=esign_cms]");
    form.addEventListener("submit", function (event) {
      if (cms.value) { return; }  // signed: this is the real submission
      var marked = form.querySelector("[data-esign-sign]");
      if (marked && event.submitter !== marked) { return; }  // another button of the form (save a draft)
      event.preventDefault();
      var submitter = event.submitter;
      if (submitter) { submitter.disabled = true; }
      say(box, box.dataset.msgConnecting);
      requestChallenge(form, box)
        .then(function (challenge) {
          return signWithNcalayer(box, challenge).then(function (signature) {
            nonce.value = challenge.nonce;
            cms.value = signature;
            say(box, box.dataset.msgSending);
            if (submitter) { submitter.disabled = false; }
            form.requestSubmit(submitter || undefined);
          });
        })
        .catch(function (error) {
          say(box, error.message, true);
          if (submitter) { submitter.disabled = false; }
        });
    });
  });
}());
