/*
 * Amount boxes (attribute data-money="1"): on leaving the box, "35000000"
 * reads "35.000.000", the way amounts are written in the forms, so that a
 * missing or extra zero shows before the form is sent (user trial on a
 * phone). Only a box holding digits (with dots or spaces) is touched;
 * anything else is left as typed, for the server's message at the field.
 * Runs in the capture phase, before React's onBlur reads the value.
 */
(function () {
  "use strict";

  function grouped(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  document.addEventListener(
    "focusout",
    function (event) {
      var box = event.target;
      if (!box || !box.dataset || box.dataset.money !== "1") {
        return;
      }
      var typed = box.value.trim();
      if (!/^[\d.\s]+$/.test(typed)) {
        return;
      }
      var digits = typed.replace(/[.\s]/g, "").replace(/^0+(?=\d)/, "");
      if (!digits || digits.length > 15) {
        return;
      }
      var shown = grouped(digits);
      if (shown !== box.value) {
        box.value = shown;
      }
    },
    true
  );
})();
