/* Marks in the text: each writing-assistant finding shows where in the text it is.
 *
 * A text area inside [data-marked-text] (the partial _marked_field.html) gets a layer behind it,
 * drawn with the same font, padding and wrapping, in which the finding's words are marked; the
 * text area itself stays an ordinary one (typing, autosave, spelling, screen readers), with a
 * transparent background so that the marks show through. The findings are the list items with
 * data-start, data-end and data-excerpt (journal/_findings.html) in the element named by
 * data-findings (an id), which htmx fills as the person writes. Each finding in the list gets a
 * button that selects its words in the text.
 *
 * Positions come from the server in Python's characters (code points); the text area counts in
 * UTF-16 units. While the person goes on typing, a finding's words are looked for near where
 * they were, and a finding whose words are gone is not marked until the next check.
 *
 * Works for any text field: the journal entry's, and the plan's forms when they include the
 * partial. No framework; loaded on every page (base.html). */
(function () {
  "use strict";

  /* Offset in UTF-16 units of the code point `count` in `text`. */
  function utf16Offset(text, count) {
    var index = 0;
    for (var seen = 0; seen < count && index < text.length; seen += 1) {
      var code = text.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return index;
  }

  /* Where the finding's words are in `text` now: at the given place, or the nearest occurrence. */
  function locate(text, start, end, excerpt) {
    if (!excerpt) {
      return null;
    }
    if (text.slice(start, end) === excerpt) {
      return [start, end];
    }
    var best = null;
    var from = text.indexOf(excerpt);
    while (from !== -1) {
      if (best === null || Math.abs(from - start) < Math.abs(best - start)) {
        best = from;
      }
      from = text.indexOf(excerpt, from + 1);
    }
    return best === null ? null : [best, best + excerpt.length];
  }

  function setUp(box) {
    var area = box.querySelector("textarea");
    var layer = box.querySelector(".marked-text__marks");
    var list = document.getElementById(box.dataset.findings);
    if (!area || !layer || !list) {
      return;
    }
    box.classList.add("marked-text--on");
    var findings = [];

    function readFindings() {
      /* The text as it was checked is what the positions count in; the area may have moved on. */
      var text = area.value;
      findings = Array.prototype.map.call(list.querySelectorAll("li[data-start]"), function (item, index) {
        var start = utf16Offset(text, Number(item.dataset.start));
        var end = utf16Offset(text, Number(item.dataset.end));
        return { item: item, index: index, start: start, end: end, excerpt: item.dataset.excerpt || "", code: item.dataset.code };
      });
      findings.forEach(addButton);
      draw();
    }

    function addButton(finding) {
      if (finding.item.querySelector(".findings__show")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--quiet findings__show";
      button.textContent = box.dataset.textShow || "Visa i texten";
      button.addEventListener("click", function () {
        var place = locate(area.value, finding.start, finding.end, finding.excerpt);
        area.focus();
        if (place) {
          area.setSelectionRange(place[0], place[1]);
        }
      });
      finding.item.appendChild(document.createTextNode(" "));
      finding.item.appendChild(button);
    }

    /* The layer: the text as plain text nodes, the findings' words in <mark>, overlaps merged. */
    function draw() {
      var text = area.value;
      var places = [];
      findings.forEach(function (finding) {
        var place = locate(text, finding.start, finding.end, finding.excerpt);
        if (place && place[1] > place[0]) {
          finding.start = place[0];
          finding.end = place[1];
          places.push({ start: place[0], end: place[1], code: finding.code, number: finding.index + 1 });
        }
      });
      places.sort(function (first, second) {
        return first.start - second.start;
      });
      layer.textContent = "";
      var at = 0;
      places.forEach(function (place) {
        var start = Math.max(place.start, at);
        if (place.end <= start) {
          return;
        }
        layer.appendChild(document.createTextNode(text.slice(at, start)));
        var mark = document.createElement("mark");
        mark.className = "marked-text__mark marked-text__mark--" + place.code;
        mark.dataset.finding = String(place.number);
        mark.textContent = text.slice(start, place.end);
        layer.appendChild(mark);
        at = place.end;
      });
      /* A last line break needs something after it to take up its line, as in the text area. */
      layer.appendChild(document.createTextNode(text.slice(at) + "\u200b"));
      follow();
    }

    function follow() {
      layer.scrollTop = area.scrollTop;
      layer.scrollLeft = area.scrollLeft;
    }

    area.addEventListener("input", draw);
    area.addEventListener("scroll", follow);
    new MutationObserver(readFindings).observe(list, { childList: true, subtree: true });
    readFindings();
  }

  function setUpAll() {
    document.querySelectorAll("[data-marked-text]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
