// Samen Aanwezig: small progressive enhancements only; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Forms that carry a protocol message (LTI login, id_token, deep linking) post themselves.
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.submit();
  });
});
