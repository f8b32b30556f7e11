/* Drafts: nothing typed is lost.
 *
 * A form marked data-draft posts itself to the server as the person writes (htmx; see
 * _draft_attrs.html, journal/form.html and plans/period.html). This file keeps what has not
 * reached the server yet in localStorage, one copy per user and form, and:
 *   - sends it again when the connection comes back (`online`) and when the page loads;
 *   - notices an expired session (the save was answered by the sign-in page), keeps the text and
 *     offers to sign in again; after signing in the text is put back into the form and saved;
 *   - never overwrites a draft that was saved elsewhere after the copy was made: it offers the
 *     copy with a button instead;
 *   - forgets a copy once the server has exactly that text, or once the form was saved (the
 *     server lists the draft_token of saved forms in <meta name="rodtrad-drafts-done">, and a
 *     page showing a saved journal entry carries data-draft-synced);
 *   - keeps one copy per open page (tab), so that a save in one tab never forgets what another
 *     tab typed offline; a page that opens later puts back, or offers, the newest copy of its form;
 *   - sends the version the form was opened at (data-draft-version-field); a save over a newer
 *     version is refused by the server (409, X-Draft-Status: stale) with both versions offered
 *     (journal/_draft_conflict.html), and autosaving waits until the writer has chosen.
 *
 * The server answers a save with the headers X-Draft-Status (saved, empty, stale, refused) and
 * X-Draft-Version; the journal also sends X-Draft-Id, the id of a draft it has just made, which
 * the form then carries in the hidden field named by data-draft-id-field.
 * No framework; htmx fires the events used here. Loaded on every page (base.html). */
(function () {
  "use strict";

  var PREFIX = "rodtrad.draft.";

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
      /* Storage full or disabled: the server's autosave still works. */
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* Nothing to do. */
    }
  }

  function storedKeys() {
    var keys = [];
    try {
      for (var index = 0; index < window.localStorage.length; index += 1) {
        var key = window.localStorage.key(index);
        if (key && key.indexOf(PREFIX) === 0) {
          keys.push(key);
        }
      }
    } catch (error) {
      /* Storage disabled: nothing is kept, nothing to forget. */
    }
    return keys;
  }

  function same(first, second) {
    return JSON.stringify(first) === JSON.stringify(second);
  }

  /* This page's own copies carry this mark: another tab's copies are never forgotten by it. */
  var PAGE = "~" + Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

  /* Every copy of one form (`name`: its key without a page mark), from any page, newest first. */
  function copiesOf(name) {
    return storedKeys()
      .filter(function (key) {
        return key === name || key.indexOf(name + "~") === 0;
      })
      .map(function (key) {
        return { key: key, copy: read(key) };
      })
      .filter(function (found) {
        return found.copy && found.copy.fields;
      })
      .sort(function (first, second) {
        return (second.copy.at || 0) - (first.copy.at || 0);
      });
  }

  function forgetAll(name) {
    copiesOf(name).forEach(function (found) {
      forget(found.key);
    });
  }

  /* Forms saved since: their copies have done their job. */
  var doneMeta = document.querySelector('meta[name="rodtrad-drafts-done"]');
  var done = doneMeta && doneMeta.content ? doneMeta.content.split(" ") : [];
  if (done.length) {
    storedKeys().forEach(function (key) {
      var copy = read(key);
      if (copy && copy.token && done.indexOf(copy.token) !== -1) {
        forget(key);
      }
    });
  }

  /* A page that shows a saved or signed journal entry: a kept copy of it is no longer needed. */
  document.querySelectorAll("[data-draft-synced]").forEach(function (marker) {
    var prefix = PREFIX + marker.dataset.draftKey + ".";
    forgetAll(prefix + marker.dataset.draftId);
    copiesOf(prefix + "new").forEach(function (early) {
      if (early.copy.id === marker.dataset.draftId || (!early.copy.id && early.copy.token)) {
        forget(early.key);
      }
    });
  });

  function setUp(form) {
    var idInput = form.dataset.draftIdField ? form.querySelector('input[name="' + form.dataset.draftIdField + '"]') : null;
    var versionInput = form.dataset.draftVersionField
      ? form.querySelector('input[name="' + form.dataset.draftVersionField + '"]')
      : null;
    var base = PREFIX + form.dataset.draftKey;
    var notice = form.querySelector("[data-draft-notice]");
    var conflictBox = form.querySelector("[data-draft-conflict-box]");
    var sent = null;
    /* While a conflict waits for the writer's choice, nothing is saved over either version. */
    var inConflict = Boolean(conflictBox && conflictBox.querySelector("[data-draft-conflict]"));

    /* The form's name among the copies (without the page mark), and this page's own copy. */
    function name() {
      return idInput ? base + "." + (idInput.value || "new") : base;
    }

    function key() {
      return name() + PAGE;
    }

    /* What the writer typed: hidden fields (ids, versions, tokens) are the page's, not theirs. */
    function values() {
      var fields = {};
      Array.prototype.forEach.call(form.elements, function (element) {
        if (!element.name || ["hidden", "submit", "button"].indexOf(element.type) !== -1) {
          return;
        }
        if (element.type === "radio") {
          if (element.checked) {
            fields[element.name] = element.value;
          }
          return;
        }
        fields[element.name] = element.type === "checkbox" ? element.checked : element.value;
      });
      return fields;
    }

    function keep(extra) {
      var copy = {
        fields: values(),
        id: idInput ? idInput.value : "",
        version: form.dataset.draftVersion || "",
        at: Date.now(),
      };
      write(key(), Object.assign(copy, extra || {}));
    }

    function setVersion(version) {
      form.dataset.draftVersion = version || "";
      if (versionInput) {
        versionInput.value = version || "";
      }
    }

    function apply(fields) {
      Object.keys(fields).forEach(function (name) {
        var element = form.elements.namedItem(name);
        if (!element) {
          return;
        }
        if (element instanceof window.RadioNodeList) {
          Array.prototype.forEach.call(element, function (radio) {
            radio.checked = radio.value === fields[name];
          });
        } else if (element.type === "checkbox") {
          element.checked = Boolean(fields[name]);
        } else if (element.type !== "hidden") {
          element.value = fields[name];
        }
      });
      /* Let live parts (the goal sentence, the findings) see the text that came back. */
      form.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function show(element, text, extra) {
      if (!element) {
        return;
      }
      element.textContent = text;
      if (extra) {
        element.appendChild(document.createTextNode(" "));
        element.appendChild(extra);
      }
    }

    function say(text, link) {
      show(form.querySelector("[data-draft-status]"), text, link);
    }

    function signedOut() {
      var link = document.createElement("a");
      link.href = form.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname + window.location.search);
      link.textContent = form.dataset.textSignIn;
      say(form.dataset.textSignedOut, link);
    }

    function isSignInPage(xhr) {
      try {
        return new URL(xhr.responseURL).pathname === form.dataset.loginUrl;
      } catch (error) {
        return false;
      }
    }

    function resend() {
      if (read(key()) && !inConflict) {
        window.htmx.trigger(form, "draft:resend");
      }
    }

    function showNotice(text, button) {
      if (notice) {
        show(notice, text, button);
        notice.hidden = false;
      }
    }

    function putBack(copy, fromKey) {
      if (idInput && !idInput.value && copy.id) {
        idInput.value = copy.id;
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
      var found = copiesOf(name())[0];
      if (!found && idInput && idInput.value) {
        found = copiesOf(base + ".new").filter(function (early) {
          return early.copy.id === idInput.value;
        })[0];
      }
      if (!found) {
        return;
      }
      var copy = found.copy;
      var fromKey = found.key;
      if (same(copy.fields, values())) {
        forget(fromKey);
        return;
      }
      var serverVersion = form.dataset.draftVersion || "";
      var fromElsewhere = idInput ? Boolean(idInput.value && copy.version && serverVersion) : true;
      if (fromElsewhere && (copy.version || "") !== serverVersion) {
        /* The draft was saved (or finished) elsewhere after this copy was made: offer, never overwrite. */
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

    function showConflict(html) {
      inConflict = true;
      if (conflictBox) {
        conflictBox.innerHTML = html;
        wireConflict();
      }
      say(form.dataset.textStale);
    }

    /* "Save my text instead" submits the form over the newer version (its value); "Use the saved
       version" opens the draft as saved, after forgetting this page's copy of the other text. */
    function wireConflict() {
      if (!conflictBox) {
        return;
      }
      conflictBox.querySelectorAll("[data-draft-use-saved]").forEach(function (link) {
        link.addEventListener("click", function () {
          forget(key());
        });
      });
    }
    wireConflict();

    form.addEventListener("input", function () {
      keep();
    });

    form.addEventListener("submit", function () {
      /* An ordinary submit saves on the server too. The copy stays until a page says the form
         was saved: the submit may meet an expired session. */
      var token = Math.random().toString(36).slice(2) + Date.now().toString(36);
      var field = form.querySelector('input[name="draft_token"]') || document.createElement("input");
      field.type = "hidden";
      field.name = "draft_token";
      field.value = token;
      form.appendChild(field);
      keep({ token: token });
    });

    form.addEventListener("htmx:configRequest", function (event) {
      if (event.detail.elt === form) {
        sent = values();
        if (form.dataset.draftVersionField) {
          /* The version this page last saved (or opened), even for a save queued behind another. */
          event.detail.parameters[form.dataset.draftVersionField] = form.dataset.draftVersion || "";
        }
      }
    });

    form.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt === form && inConflict) {
        /* Kept in this browser (the input handler); sent once the writer has chosen. */
        event.preventDefault();
      }
    });

    form.addEventListener("htmx:beforeSwap", function (event) {
      /* The sign-in page of an expired session is never swapped into the form. */
      if (isSignInPage(event.detail.xhr)) {
        event.detail.shouldSwap = false;
        /* detail.elt is the swap target here; the element that asked is in requestConfig. */
        if (event.detail.requestConfig.elt === form) {
          signedOut();
        }
      }
    });

    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) {
        return;
      }
      var xhr = event.detail.xhr;
      var state = xhr.getResponseHeader("X-Draft-Status");
      if (state === "stale" && form.dataset.draftVersionField) {
        keep();
        showConflict(xhr.responseText);
      } else if (state === "saved") {
        var before = key();
        if (idInput) {
          idInput.value = xhr.getResponseHeader("X-Draft-Id") || idInput.value;
        }
        setVersion(xhr.getResponseHeader("X-Draft-Version"));
        if (same(sent, values())) {
          forget(before);
        } else {
          if (before !== key()) {
            forget(before);
          }
          keep();
        }
      } else if (state === "empty" && same(sent, values())) {
        setVersion("");
        forget(key());
      } else if (!state && !isSignInPage(xhr) && xhr.status >= 400) {
        say(form.dataset.textFailed);
      }
    });

    form.addEventListener("htmx:sendError", function (event) {
      if (event.detail.elt === form) {
        say(form.dataset.textOffline);
      }
    });

    document.querySelectorAll("[data-draft-discard]").forEach(function (discard) {
      if (discard.dataset.draftDiscard === form.dataset.draftKey) {
        discard.addEventListener("submit", function () {
          /* Throwing the draft away is for every tab: all copies of it go. */
          forgetAll(name());
          if (idInput) {
            forgetAll(base + ".new");
          }
        });
      }
    });

    window.addEventListener("online", resend);
    return restore;
  }

  var restorers = Array.prototype.map.call(document.querySelectorAll("form[data-draft]"), setUp);
  function restoreAll() {
    restorers.forEach(function (restore) {
      restore();
    });
  }
  /* After htmx has set up the forms (it does so on DOMContentLoaded, and this deferred script
     runs before that event), so that a resend reaches its trigger. */
  if (document.readyState === "complete") {
    restoreAll();
  } else {
    document.addEventListener("DOMContentLoaded", restoreAll);
  }
})();
