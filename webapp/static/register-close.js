// Samen Aanwezig: the end of an LTI Dynamic Registration. The platform's page that opened or
// framed this one closes it when it receives {subject: "org.imsglobal.lti.close"} (LTI DR 3.7).
(function () {
  function close() {
    var platform = window.opener || window.parent;
    if (platform && platform !== window) {
      // The platform's exact origin is not known here; the message carries nothing secret.
      platform.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
    } else {
      window.close();
    }
  }
  var button = document.getElementById("close-registration");
  if (button) {
    button.addEventListener("click", close);
  }
  // After a successful registration the platform takes over (Moodle shows the pending tool).
  if (document.querySelector("[data-registered]")) {
    close();
  }
})();
