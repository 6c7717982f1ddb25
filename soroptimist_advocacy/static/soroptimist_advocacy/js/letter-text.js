/* The text view's "Copy the text" buttons: hidden without JavaScript (the text area stays
   there to select by hand), shown when the browser can copy. No inline script (CSP). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-sa-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var area = document.getElementById(button.getAttribute("data-sa-copy"));
    var status = button.parentNode.querySelector("[data-sa-copy-status]");
    if (!area) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      function done() { if (status) { status.textContent = button.getAttribute("data-sa-copied"); } }
      function byHand() {
        area.focus();
        area.select();
        try { if (document.execCommand("copy")) { done(); } } catch (e) { /* the text stays selected */ }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, byHand);
      } else {
        byHand();
      }
    });
  });
})();
