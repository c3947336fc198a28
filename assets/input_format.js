/*
 * Boxes typed on a phone's number pad, written out when the box is left
 * (user trials on a phone):
 * - amounts (data-money="1"): "35000000" reads "35.000.000", so that a
 *   missing or extra zero shows before the form is sent;
 * - dates (data-date="1"): "05122026" reads "05/12/2026", and times
 *   (data-time="1"): "1430" reads "14:30", "930" "09:30" — the number pad
 *   of many phones has no "/" or ":". The server reads the digits alone
 *   too (domain/dates.py), for a form sent before the box is left.
 * Only a box holding digits (an amount: with dots or spaces) is touched;
 * anything else is left as typed, for the server's message at the field.
 * Runs in the capture phase, before React's onBlur reads the value.
 *
 * Also: a box marked data-typed-flag="<name>" (the decision form's fines)
 * sets its form's hidden field <name> to "1" at the first key typed in it,
 * in the page and at once, so that the form sent says the amount is the
 * officer's even when clicked before the server heard of the typing; a box
 * left at "0" is decided at the fine the server suggests
 * (services/case_input.py, FINE_TYPED). It then presses the form's hidden
 * button data-typed-notify="<name>", which tells the server's state: React
 * reports no change for an amount put over the same amount.
 *
 * Also: Enter in a box marked data-enter="search" (a search box inside a
 * form, such as the act search of the case form) does not send the form:
 * an officer who typed a second search and pressed Enter had the case
 * saved with one act and a record number used up (trial finding). The
 * box's own debounced search still shows the results. Enter that ends an
 * input method's composition (Vietnamese Telex/VNI) is left alone.
 */
(function () {
  "use strict";

  function amount(typed) {
    if (!/^[\d.\s]+$/.test(typed)) {
      return null;
    }
    var digits = typed.replace(/[.\s]/g, "").replace(/^0+(?=\d)/, "");
    if (!digits || digits.length > 15) {
      return null;
    }
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function day(typed) {
    var parts = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
    return parts ? parts[1] + "/" + parts[2] + "/" + parts[3] : null;
  }

  function clock(typed) {
    var parts = /^(\d{1,2})(\d{2})$/.exec(typed);
    return parts ? ("0" + parts[1]).slice(-2) + ":" + parts[2] : null;
  }

  var FORMATS = { money: amount, date: day, time: clock };

  document.addEventListener(
    "focusout",
    function (event) {
      var box = event.target;
      if (!box || !box.dataset) {
        return;
      }
      for (var kind in FORMATS) {
        if (box.dataset[kind] === "1") {
          var shown = FORMATS[kind](box.value.trim());
          if (shown !== null && shown !== box.value) {
            box.value = shown;
          }
          return;
        }
      }
    },
    true
  );

  document.addEventListener(
    "input",
    function (event) {
      var box = event.target;
      var name = box && box.dataset ? box.dataset.typedFlag : "";
      var flag = name && box.form ? box.form.elements.namedItem(name) : null;
      if (!flag || flag.value === "1") {
        return;
      }
      flag.value = "1";
      var notify = box.form.querySelector(
        '[data-typed-notify="' + name.replace(/"/g, "") + '"]'
      );
      if (notify) {
        notify.click();
      }
    },
    true
  );

  document.addEventListener(
    "keydown",
    function (event) {
      var box = event.target;
      if (
        event.key === "Enter" &&
        !event.isComposing &&
        box &&
        box.dataset &&
        box.dataset.enter === "search"
      ) {
        event.preventDefault();
      }
    },
    true
  );
})();
