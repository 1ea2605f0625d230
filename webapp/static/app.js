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

// Import page: upload with a progress bar, then show the result page the server answers with.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    if (!window.XMLHttpRequest || !window.FormData) {
      return;
    }
    form.addEventListener("submit", function (event) {
      var box = form.querySelector("[data-progress]");
      var bar = box.querySelector("progress");
      var status = box.querySelector("[role=status]");
      var xhr = new XMLHttpRequest();
      var chosen = form.elements.file && form.elements.file.files && form.elements.file.files[0];
      event.preventDefault();
      box.hidden = false;
      // Too large for the server's limit: say so at once instead of uploading it for nothing.
      bar.hidden = false;
      if (chosen && Number(form.dataset.maxBytes) > 0 && chosen.size > Number(form.dataset.maxBytes)) {
        bar.hidden = true;
        status.textContent = form.dataset.tooLarge;
        return;
      }
      form.querySelector("button[type=submit]").disabled = true;
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          var percent = Math.floor((e.loaded / e.total) * 100);
          bar.value = percent;
          status.textContent = form.dataset.uploadProgress.replace("{0}", percent);
        }
      });
      xhr.upload.addEventListener("load", function () {
        bar.removeAttribute("value");
        status.textContent = form.dataset.uploadProcessing;
      });
      xhr.addEventListener("load", function () {
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        status.textContent = form.dataset.uploadFailed;
        form.querySelector("button[type=submit]").disabled = false;
      });
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-CSRF-Token", form.elements.csrf.value);
      xhr.send(new FormData(form));
    });
  });
});

// Class page: "Meer" shows or hides the student's other figures in the row below (aria-expanded).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.more-toggle[aria-controls]").forEach(function (button) {
    var row = document.getElementById(button.getAttribute("aria-controls"));
    if (!row) {
      return;
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      row.classList.toggle("open", open);
    });
  });
});

// Class page while the roster is still being read: load the page once more after a few seconds,
// so the new class list shows. The user can stop it (button), and any key or click stops it too,
// so nobody loses their place (WCAG 2.2.1); the server offers this reload only once.
document.addEventListener("DOMContentLoaded", function () {
  var offer = document.querySelector("[data-reload-once]");
  if (!offer) {
    return;
  }
  var note = offer.querySelector("[data-reload-note]");
  var seconds = Number(offer.getAttribute("data-reload-after")) || 4;
  var timer = window.setTimeout(function () {
    window.location.replace(offer.getAttribute("data-reload-once"));
  }, seconds * 1000);
  function cancel(event) {
    window.clearTimeout(timer);
    document.removeEventListener("keydown", cancel, true);
    document.removeEventListener("pointerdown", cancel, true);
    // The note no longer holds; its own button hides it itself when it is pressed.
    if (!note.contains(event.target)) {
      note.hidden = true;
    }
  }
  note.hidden = false;
  offer.querySelector("[data-reload-stop]").addEventListener("click", function (event) {
    cancel(event);
    // The note and its button go; focus moves to the link that still reloads on request.
    note.hidden = true;
    offer.querySelector("a").focus();
  });
  document.addEventListener("keydown", cancel, true);
  document.addEventListener("pointerdown", cancel, true);
});
