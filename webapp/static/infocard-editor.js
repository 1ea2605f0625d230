// Informatiekaart editor: while a text is typed, ask the server for its plain-language check and
// show it under the text. The score line is aria-live="polite", so a screen reader hears the new
// score once typing pauses. Without this script the page shows the check of the saved text.
document.addEventListener("DOMContentLoaded", function () {
  var WAIT_MS = 400;

  document.querySelectorAll("form.card-editor[data-score-url]").forEach(function (form) {
    var url = form.getAttribute("data-score-url");
    var language = form.getAttribute("data-language");
    var csrfField = form.querySelector("input[name=csrf]");
    var csrf = csrfField ? csrfField.value : "";

    form.querySelectorAll("textarea[data-score]").forEach(function (area) {
      var box = document.getElementById(area.getAttribute("data-score-box"));
      if (!box) {
        return;
      }
      var timer = null;
      var pending = null;

      function show(result) {
        var line = box.querySelector(".score-line");
        var counts = box.querySelector(".score-counts");
        var advice = box.querySelector(".advice");
        line.textContent = result.line;
        line.classList.toggle("ok", result.ok === true);
        line.classList.toggle("todo", result.ok !== true);
        counts.textContent = result.counts || "";
        while (advice.firstChild) {
          advice.removeChild(advice.firstChild);
        }
        (result.advice || []).forEach(function (text) {
          var item = document.createElement("li");
          item.textContent = text;
          advice.appendChild(item);
        });
        box.setAttribute("data-score-value", result.score === null ? "" : String(result.score));
      }

      function check() {
        if (pending) {
          pending.abort();
        }
        pending = new AbortController();
        fetch(url, {
          method: "POST",
          credentials: "same-origin",
          signal: pending.signal,
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ language: language, text: area.value })
        })
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .then(function (result) {
            if (result) {
              show(result);
            }
          })
          .catch(function () {
            // A cancelled or failed check leaves the last result; saving still checks on the server.
          });
      }

      area.addEventListener("input", function () {
        if (timer) {
          clearTimeout(timer);
        }
        timer = setTimeout(check, WAIT_MS);
      });
    });
  });
});
