// Samen Aanwezig: small progressive enhancements only; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Forms that carry a protocol message (LTI login, id_token, deep linking) post themselves.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.submit();
  });
});

// Registration screen: "everyone present" and one key per choice inside a student's row.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-all-present]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.form.querySelectorAll("input[type=radio][value=PRESENT]").forEach(function (r) {
        r.checked = true;
      });
    });
  });
  document.querySelectorAll("fieldset.mark-row").forEach(function (row) {
    row.addEventListener("keydown", function (event) {
      if (event.target.type === "number" || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      var radio = row.querySelector("input[type=radio][data-key='" + event.key.toLowerCase() + "']");
      if (radio) {
        radio.checked = true;
        radio.focus();
        event.preventDefault();
        if (radio.value === "LATE") {
          row.querySelector("input[type=number]").focus();
        }
      }
    });
  });
});

// A print button where a page offers one (the DUO evidence); the browser's own print works too.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
