/* Journal drafts: nothing typed is lost.
 *
 * htmx saves the draft on the server as the person writes (see journal/form.html). This file
 * keeps what has not reached the server yet in localStorage, one copy per user, client and
 * draft, and:
 *   - sends it again when the connection comes back (`online`) and when the page loads;
 *   - notices an expired session (the save is answered by the sign-in page, which lacks the
 *     X-Journal-Status header), keeps the text and offers to sign in again; after signing in
 *     the text is put back into the form and saved;
 *   - forgets a copy once the server has exactly that text.
 * No framework; htmx fires the events used here. */
(function () {
  "use strict";

  var PREFIX = "rodtrad.journal.";
  var SKIP = { csrfmiddlewaretoken: true, entry: true, action: true };

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* Storage full or disabled: the server autosave still works. */
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* Nothing to do. */
    }
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });

  /* A page that shows a saved or signed entry: a kept copy of it is no longer needed. */
  document.querySelectorAll("[data-journal-synced]").forEach(function (marker) {
    var prefix = PREFIX + marker.dataset.storeKey + ".";
    var kept = read(prefix + "new");
    forget(prefix + marker.dataset.entry);
    if (kept && (kept.entry === marker.dataset.entry || (!kept.entry && kept.submitted))) {
      forget(prefix + "new");
    }
  });

  var form = document.querySelector("form[data-journal-draft]");
  if (!form) {
    return;
  }
  var status = document.getElementById("save-status");
  var notice = document.getElementById("restore-notice");
  var entryInput = form.querySelector("input[name=entry]");
  var prefix = PREFIX + form.dataset.storeKey + ".";
  var sent = null;

  function key() {
    return prefix + (entryInput.value || "new");
  }

  function values() {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || SKIP[element.name] || element.type === "submit" || element.type === "button") {
        return;
      }
      fields[element.name] = element.type === "checkbox" ? element.checked : element.value;
    });
    return fields;
  }

  function same(first, second) {
    return JSON.stringify(first) === JSON.stringify(second);
  }

  function keep(extra) {
    var copy = { fields: values(), entry: entryInput.value, version: form.dataset.version || "" };
    write(key(), Object.assign(copy, extra || {}));
  }

  function apply(fields) {
    Object.keys(fields).forEach(function (name) {
      var element = form.elements.namedItem(name);
      if (!element || element.type === "hidden") {
        return;
      }
      if (element.type === "checkbox") {
        element.checked = Boolean(fields[name]);
      } else {
        element.value = fields[name];
      }
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function signedOut() {
    var link = document.createElement("a");
    var next = window.location.pathname;
    link.href = form.dataset.loginUrl + "?next=" + encodeURIComponent(next);
    link.textContent = form.dataset.textSignIn;
    status.textContent = form.dataset.textSignedOut + " ";
    status.appendChild(link);
  }

  function resend() {
    if (read(key())) {
      window.htmx.trigger(form, "journal:resend");
    }
  }

  function showNotice(text, button) {
    notice.textContent = text;
    if (button) {
      notice.appendChild(document.createTextNode(" "));
      notice.appendChild(button);
    }
    notice.hidden = false;
  }

  function putBack(copy, fromKey) {
    if (!entryInput.value && copy.entry) {
      entryInput.value = copy.entry;
    }
    apply(copy.fields);
    if (fromKey !== key()) {
      forget(fromKey);
    }
    keep();
    showNotice(form.dataset.textRestored);
    resend();
  }

  function restore() {
    var fromKey = key();
    var copy = read(fromKey);
    if (!copy && entryInput.value) {
      var early = read(prefix + "new");
      if (early && early.entry === entryInput.value) {
        copy = early;
        fromKey = prefix + "new";
      }
    }
    if (!copy || !copy.fields) {
      return;
    }
    if (same(copy.fields, values())) {
      forget(fromKey);
      return;
    }
    var serverVersion = form.dataset.version;
    if (entryInput.value && copy.version && serverVersion && copy.version !== serverVersion) {
      /* The draft was saved elsewhere after this copy was made: offer, never overwrite. */
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = form.dataset.textUseLocal;
      button.addEventListener("click", function () {
        notice.hidden = true;
        putBack(copy, fromKey);
      });
      showNotice(form.dataset.textConflict, button);
      return;
    }
    putBack(copy, fromKey);
  }

  form.addEventListener("input", function () {
    keep();
  });

  form.addEventListener("submit", function () {
    /* An ordinary submit saves on the server too; keep the copy until a page says so. */
    keep({ submitted: true });
  });

  form.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt === form) {
      sent = values();
    }
  });

  form.addEventListener("htmx:beforeSwap", function (event) {
    /* Only our own answers are swapped in; the sign-in page of an expired session is not. */
    if (!event.detail.xhr.getResponseHeader("X-Journal-Status")) {
      event.detail.shouldSwap = false;
      /* detail.elt is the swap target here; the element that asked is in requestConfig. */
      if (event.detail.requestConfig.elt === form && event.detail.xhr.status === 200) {
        signedOut();
      }
    }
  });

  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt !== form) {
      return;
    }
    var xhr = event.detail.xhr;
    var state = xhr.getResponseHeader("X-Journal-Status");
    if (state === "saved") {
      var before = key();
      entryInput.value = xhr.getResponseHeader("X-Journal-Entry") || entryInput.value;
      form.dataset.version = xhr.getResponseHeader("X-Journal-Version") || "";
      forget(before);
      if (!same(sent, values())) {
        keep();
      }
    } else if (state === "empty" && same(sent, values())) {
      forget(key());
    } else if (!state && xhr.status >= 400) {
      say(form.dataset.textFailed);
    }
  });

  form.addEventListener("htmx:sendError", function (event) {
    if (event.detail.elt === form) {
      say(form.dataset.textOffline);
    }
  });

  document.querySelectorAll("[data-journal-discard]").forEach(function (discard) {
    discard.addEventListener("submit", function () {
      forget(prefix + discard.dataset.journalDiscard);
      forget(prefix + "new");
    });
  });

  window.addEventListener("online", resend);
  /* After htmx has set up the form (it does so on DOMContentLoaded, and this deferred script
     runs before that event), so that a resend reaches its trigger. */
  if (document.readyState === "complete") {
    restore();
  } else {
    document.addEventListener("DOMContentLoaded", restore);
  }
})();
