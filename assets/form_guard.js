/* XLVPHC: "leave this page?" guard and per-tab drafts of the long forms.
 *
 * Forms opt in with attributes (xlvphc/components/form_guard.py):
 *   data-xl-guard       the form asks before the page is left while dirty
 *                       (anything typed since it loaded or was saved);
 *   data-xl-leave-text  the question asked before an in-app link is followed;
 *   data-xl-draft       page key: what is typed is kept in this tab's
 *                       sessionStorage (gone when the tab closes), under the
 *                       page key and the user (data-xl-user, data-xl-unit),
 *                       and put back into the boxes when the form mounts;
 *   data-xl-kind        the violator kind chosen (restored by clicking it);
 *   data-xl-acts        the ids of the acts chosen, comma-joined.
 *   data-xl-typed       the acts chosen as JSON: the draft keeps the boxes
 *                       of those typed by the officer («ngoài danh mục»).
 *                       The acts live in the server's state: the form's
 *                       on_load asks window.xlvphcForms.draftActs() for the
 *                       draft's catalogue ids and typed acts, and the server
 *                       re-adds the ones its catalogue has and the typed ones
 *                       it checks again; the boxes those acts bring (the fine
 *                       of each act) are filled from the draft once they
 *                       appear.
 * The inputs stay uncontrolled: values are read from and written to the DOM,
 * and written values are announced with an "input" event so the page's own
 * on_change handlers (e.g. the under-14 warning) see them.
 * window.xlvphcForms.saved() / .forgetDrafts() are called by the server
 * (rx.call_script) after a successful save and at logout; .dropDraft(page)
 * once a step form of the case page is recorded or cancelled. */
(function () {
  "use strict";
  if (window.xlvphcForms) return;
  var PREFIX = "xlvphc-draft:";
  var DEBOUNCE_MS = 500;
  var SKIP = { catalogue_query: true };
  var KIND_LABELS = { organisation: "Tổ chức", individual: "Cá nhân" };
  var restoring = false;
  var leaving = false;
  var skipPop = false;
  var timers = new Map();
  var clickedAt = new WeakMap();
  // Per form, while a restored draft's acts are on their way back from the
  // server: {acts: ids, typed: typed acts, v: the draft's values, asked:
  // when the server asked}.
  var pending = new WeakMap();
  var SETTLE_MS = 5000;
  // The boxes of a typed act (services/typed_acts.py, _ROW_KEYS), with its
  // row id; the server checks them again, so nothing else is kept.
  var TYPED_KEYS = [
    "id", "decree", "article", "clause", "point", "act", "frame_min",
    "frame_max", "field",
  ];
  var MAX_ACTS = 20;

  function guardedForms() {
    return Array.prototype.slice.call(
      document.querySelectorAll("form[data-xl-guard]")
    );
  }

  function dirtyForm() {
    return guardedForms().filter(function (f) {
      return f.dataset.xlDirty === "1";
    })[0];
  }

  function draftKey(form) {
    var page = form.getAttribute("data-xl-draft");
    var user = form.getAttribute("data-xl-user");
    if (!page || !user) return null;
    return PREFIX + page + ":" + user + "|" + (form.getAttribute("data-xl-unit") || "");
  }

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }

  function actIds(form) {
    return (form.getAttribute("data-xl-acts") || "").split(",").filter(Boolean);
  }

  function typedOnly(rows) {
    if (!Array.isArray(rows)) return [];
    return rows
      .filter(function (row) {
        return row && typeof row === "object" && !Array.isArray(row);
      })
      .slice(0, MAX_ACTS)
      .map(function (row) {
        var kept = {};
        TYPED_KEYS.forEach(function (key) {
          if (typeof row[key] === "string") kept[key] = row[key];
        });
        return kept;
      });
  }

  function typedActs(form) {
    var rows;
    try {
      rows = JSON.parse(form.getAttribute("data-xl-typed") || "[]");
    } catch (e) {
      return [];
    }
    return typedOnly(
      Array.isArray(rows)
        ? rows.filter(function (row) {
            return row && row.typed;
          })
        : []
    );
  }

  function pendingIds(wait) {
    return wait.acts.concat(
      wait.typed.map(function (row) {
        return row.id;
      })
    );
  }

  function collect(form) {
    var values = {};
    var checked = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      var name = el.name;
      if (!name || SKIP[name]) return;
      var type = (el.type || "").toLowerCase();
      var skipped = ["submit", "button", "hidden", "file", "password", "reset"];
      if (skipped.indexOf(type) >= 0) return;
      if (el.getAttribute("aria-hidden") === "true") return; // Radix's own inputs
      if (type === "checkbox" || type === "radio") {
        checked[name + "=" + el.value] = el.checked;
      } else {
        values[name] = el.value;
      }
    });
    var acts = actIds(form);
    var typed = typedActs(form);
    var wait = pending.get(form);
    if (wait) {
      // Not back yet: a save now must not lose them, nor their boxes' values.
      wait.acts.forEach(function (id) {
        if (acts.indexOf(id) < 0) acts.push(id);
      });
      wait.typed.forEach(function (row) {
        if (acts.indexOf(row.id) < 0) typed.push(row);
      });
      Object.keys(wait.v).forEach(function (name) {
        if (!(name in values)) values[name] = wait.v[name];
      });
    }
    return {
      v: values,
      c: checked,
      kind: form.getAttribute("data-xl-kind") || "",
      acts: acts.filter(function (id) {
        return /^[0-9]{1,9}$/.test(id);
      }),
      typed: typed,
    };
  }

  function saveNow(form) {
    timers.delete(form);
    var key = draftKey(form);
    var store = storage();
    if (!key || !store || !form.isConnected || form.dataset.xlDirty !== "1") return;
    try {
      store.setItem(key, JSON.stringify(collect(form)));
    } catch (e) {
      /* full or refused: the guard still asks before leaving */
    }
  }

  function scheduleSave(form) {
    if (!form.getAttribute("data-xl-draft")) return;
    clearTimeout(timers.get(form));
    timers.set(
      form,
      setTimeout(function () {
        saveNow(form);
      }, DEBOUNCE_MS)
    );
  }

  function flushAll() {
    timers.forEach(function (timer, form) {
      clearTimeout(timer);
      saveNow(form);
    });
    timers.clear();
  }

  function touched(form) {
    if (restoring || !form) return;
    form.dataset.xlDirty = "1";
    scheduleSave(form);
  }

  function setValue(el, value) {
    var proto =
      el.tagName === "TEXTAREA"
        ? HTMLTextAreaElement.prototype
        : el.tagName === "SELECT"
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype;
    var setter = Object.getOwnPropertyDescriptor(proto, "value").set;
    if (el.value === value) return;
    setter.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function notice(form) {
    return form.querySelector(".xl-draft-notice");
  }

  function restore(form) {
    var key = draftKey(form);
    var store = storage();
    if (!key || !store) return;
    var raw = store.getItem(key);
    if (!raw) return;
    var draft;
    try {
      draft = JSON.parse(raw);
    } catch (e) {
      store.removeItem(key);
      return;
    }
    restoring = true;
    try {
      var kind = form.getAttribute("data-xl-kind");
      if (draft.kind && kind && draft.kind !== kind && KIND_LABELS[draft.kind]) {
        var radio = form.querySelector(
          '[role="radio"][value="' + KIND_LABELS[draft.kind] + '"]'
        );
        if (radio) radio.click();
      }
      Object.keys(draft.v || {}).forEach(function (name) {
        var el = form.elements.namedItem(name);
        if (el && el.tagName && typeof draft.v[name] === "string")
          setValue(el, draft.v[name]);
      });
      Object.keys(draft.c || {}).forEach(function (pair) {
        var cut = pair.indexOf("=");
        var name = pair.slice(0, cut);
        var value = pair.slice(cut + 1);
        var want = !!draft.c[pair];
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name !== name || el.value !== value || el.checked === want) return;
          // A click, so that the page hears it: React's onChange of a
          // checkbox listens to clicks, and a ticked box may show others
          // (the MBB09 number and date of the coercion step).
          if (el.type === "checkbox" || want) el.click();
          else el.checked = want;
        });
      });
    } finally {
      restoring = false;
    }
    form.dataset.xlDirty = "1"; // the restored text is not saved yet
    var acts = Array.isArray(draft.acts)
      ? draft.acts.filter(function (id) {
          return typeof id === "string" && /^[0-9]{1,9}$/.test(id);
        })
      : []; // a draft from before acts were kept held their count
    var typed = typedOnly(draft.typed);
    if (acts.length || typed.length)
      pending.set(form, { acts: acts, typed: typed, v: draft.v || {}, asked: 0 });
    var box = notice(form);
    if (box) box.style.display = "block";
  }

  /* The server has put the draft's acts back (or given up on them): the
   * boxes they brought get the draft's values, and the draft is saved as
   * the form now is. */
  function settle(form) {
    var wait = pending.get(form);
    if (!wait) return;
    pending.delete(form);
    restoring = true;
    try {
      Object.keys(wait.v).forEach(function (name) {
        var el = form.elements.namedItem(name);
        var value = wait.v[name];
        if (el && el.tagName && el.value === "" && typeof value === "string")
          setValue(el, value);
      });
    } finally {
      restoring = false;
    }
    if (form.dataset.xlDirty === "1") scheduleSave(form);
  }

  function actsChanged(form) {
    var wait = pending.get(form);
    if (!wait || !wait.asked) return;
    var now = actIds(form);
    var back = pendingIds(wait).some(function (id) {
      return now.indexOf(id) >= 0;
    });
    if (back) settle(form);
  }

  function clearDraft(form) {
    var key = draftKey(form);
    var store = storage();
    clearTimeout(timers.get(form));
    timers.delete(form);
    if (key && store) store.removeItem(key);
  }

  function markClean() {
    guardedForms().forEach(function (form) {
      form.dataset.xlDirty = "0";
    });
  }

  function mounted(form) {
    if (form.dataset.xlSeen === "1") return;
    form.dataset.xlSeen = "1";
    restore(form);
    // The kind and the acts change on the server: a change the user's own
    // click asked for is an edit; one from the page loading (the tab's
    // previous state replaced by on_load) only refreshes a dirty draft.
    new MutationObserver(function () {
      actsChanged(form);
      if (Date.now() - (clickedAt.get(form) || 0) < 5000) touched(form);
      else if (form.dataset.xlDirty === "1") scheduleSave(form);
    }).observe(form, {
      attributes: true,
      attributeFilter: ["data-xl-kind", "data-xl-acts", "data-xl-typed"],
    });
  }

  function scan() {
    guardedForms().forEach(mounted);
  }

  function confirmLeave() {
    var form = dirtyForm();
    if (!form) return true;
    flushAll();
    if (!window.confirm(form.getAttribute("data-xl-leave-text") || "")) return false;
    markClean();
    leaving = true;
    setTimeout(function () {
      leaving = false;
    }, 2000);
    return true;
  }

  function onEdit(event) {
    var target = event.target;
    if (!target || !target.form || !target.form.hasAttribute("data-xl-guard")) return;
    if (target.name && SKIP[target.name]) return;
    touched(target.form);
  }

  document.addEventListener("input", onEdit, true);
  document.addEventListener("change", onEdit, true);

  document.addEventListener(
    "click",
    function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      var inForm = target.closest("form[data-xl-guard]");
      if (inForm && event.isTrusted) clickedAt.set(inForm, Date.now());
      var clear = target.closest("[data-xl-draft-clear]");
      if (clear) {
        var form = clear.closest("form");
        if (form) {
          clearDraft(form);
          form.dataset.xlDirty = "0";
          window.location.reload(); // the form as it loads, without the draft
        }
        return;
      }
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      var leave = target.closest("a[href], [data-xl-leave]");
      if (!leave) return;
      if (leave.tagName === "A") {
        if (leave.target && leave.target !== "_self") return;
        if (leave.hasAttribute("download") || leave.origin !== window.location.origin)
          return;
        if (leave.getAttribute("href").charAt(0) === "#") return;
      }
      if (!confirmLeave()) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  // Back and Forward inside the app: React Router listens to popstate after
  // this script (loaded first, in the head); a refusal steps forward again.
  window.addEventListener("popstate", function (event) {
    if (skipPop) {
      skipPop = false;
      event.stopImmediatePropagation();
      return;
    }
    if (!confirmLeave()) {
      event.stopImmediatePropagation();
      skipPop = true;
      window.history.go(1);
    }
  });

  window.addEventListener("beforeunload", function (event) {
    flushAll();
    if (leaving || !dirtyForm()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  window.addEventListener("pagehide", flushAll);

  new MutationObserver(scan).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", scan);

  window.xlvphcForms = {
    /* Asked by the drafted form's on_load (rx.call_script), once the
     * server has reset the form: the catalogue ids of the restored draft,
     * then its typed acts as objects, when the form is on the page ([]
     * without a draft or acts). */
    draftActs: function () {
      return new Promise(function (resolve) {
        var tries = 0;
        (function look() {
          var form = guardedForms().filter(function (f) {
            return f.getAttribute("data-xl-draft") && f.dataset.xlSeen === "1";
          })[0];
          if (!form && ++tries < 50) {
            setTimeout(look, 100);
            return;
          }
          var wait = form && pending.get(form);
          if (!wait) {
            resolve([]);
            return;
          }
          wait.asked = Date.now();
          setTimeout(function () {
            settle(form);
          }, SETTLE_MS);
          resolve(wait.acts.concat(wait.typed));
        })();
      });
    },
    /* After a successful save: nothing left unsaved, no draft. */
    saved: function () {
      guardedForms().forEach(clearDraft);
      markClean();
    },
    /* A drafted form the server is done with (a step recorded or
     * cancelled), on the page or already gone: its drafts under the page
     * key, whoever the user, and nothing left to ask about. */
    dropDraft: function (page) {
      if (typeof page !== "string" || !page) return;
      guardedForms().forEach(function (form) {
        if (form.getAttribute("data-xl-draft") !== page) return;
        clearTimeout(timers.get(form));
        timers.delete(form);
        form.dataset.xlDirty = "0";
      });
      var store = storage();
      if (!store) return;
      var prefix = PREFIX + page + ":";
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(prefix) === 0) store.removeItem(key);
      }
    },
    /* At logout: every draft of this tab (they hold personal data). */
    forgetDrafts: function () {
      markClean();
      timers.forEach(function (timer) {
        clearTimeout(timer);
      });
      timers.clear();
      var store = storage();
      if (!store) return;
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(PREFIX) === 0) store.removeItem(key);
      }
    },
  };
})();
