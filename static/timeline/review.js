/* The review workbench's keyboard: every decision on the page is one key (the page lists them
   under "?"). Keys act only when no text field has the focus; the edit panel keeps Enter (save),
   Ctrl+Enter (save and next) and Esc (close). Plain DOM, no framework: the forms work without it. */
(function () {
  "use strict";

  const page = document.querySelector(".workbench");
  if (!page) {
    return;
  }
  const panel = document.getElementById("edit-panel");
  const help = document.getElementById("shortcut-help");
  const notice = document.getElementById("workbench-notice");

  function say(text) {
    notice.textContent = text;
    notice.hidden = false;
    window.clearTimeout(say.timer);
    say.timer = window.setTimeout(function () { notice.hidden = true; }, 4000);
  }

  function typing(target) {
    if (!target || !target.closest) {
      return false;
    }
    return Boolean(
      target.isContentEditable ||
      target.closest("input, textarea, select, .select2-container, .select2-dropdown")
    );
  }

  function go(url) {
    if (url) {
      window.location.assign(url);
      return true;
    }
    return false;
  }

  function decide(action, refusal) {
    const form = document.querySelector('form[data-action="' + action + '"]');
    const button = form && form.querySelector('button[type="submit"]');
    if (!form || (button && button.disabled)) {
      say(refusal);
      return;
    }
    form.requestSubmit();
  }

  function openPanel(focusName) {
    if (!panel) {
      say(page.dataset.noEdit || "");
      return;
    }
    panel.classList.remove("collapsed");
    const field = panel.querySelector('[name="edit-' + focusName + '"]');
    if (field) {
      field.focus();
      if (field.select) {
        field.select();
      }
    }
  }

  function closePanel() {
    if (panel) {
      panel.classList.add("collapsed");
      document.activeElement.blur();
    }
  }

  function compare() {
    const link = document.querySelector(".merge-link");
    if (!link) {
      say(page.dataset.noMerge || "");
      return;
    }
    const picked = Array.from(document.querySelectorAll(".duplicate-pick:checked")).map(function (box) {
      return box.value;
    });
    const url = new URL(link.href);
    if (picked.length) {
      url.searchParams.set("ids", [url.searchParams.get("ids").split(",")[0]].concat(picked).join(","));
    }
    go(url.toString());
  }

  const keys = {
    j: function () { go(page.dataset.nextUrl) || say(page.dataset.lastOne || ""); },
    k: function () { go(page.dataset.previousUrl) || say(page.dataset.firstOne || ""); },
    p: function () { decide("publish", page.dataset.noPublish || ""); },
    x: function () { decide("reject", page.dataset.noPublish || ""); },
    r: function () { decide("review", page.dataset.noEdit || ""); },
    e: function () { openPanel("title"); },
    d: function () { openPanel("date"); },
    m: compare,
    c: function () {
      const chip = document.querySelector(".chips summary, .new-names summary");
      if (chip) {
        chip.focus();
      }
    },
    v: function () {
      const link = document.querySelector(".preview-link");
      go(link && link.href);
    },
    o: function () {
      const link = document.querySelector(".original-link");
      if (link) {
        window.open(link.href, "_blank", "noopener");
      }
    },
    "/": function () {
      const search = document.querySelector('.queue-filters [name="q"]');
      if (search) {
        search.focus();
        search.select();
      }
    },
    "?": function () {
      if (help.open) {
        help.close();
      } else {
        help.showModal();
      }
    },
  };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (panel && !panel.classList.contains("collapsed")) {
        closePanel();
      }
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && panel && panel.contains(event.target)) {
      event.preventDefault();
      panel.querySelector(".save-next").click();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    const handler = keys[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    }
  });

  document.querySelectorAll(".edit-toggle").forEach(function (button) {
    button.addEventListener("click", function () { openPanel("title"); });
  });
  document.querySelectorAll(".edit-cancel").forEach(function (button) {
    button.addEventListener("click", closePanel);
  });
  document.querySelectorAll(".help-toggle").forEach(function (button) {
    button.addEventListener("click", function () { help.showModal(); });
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });

  // the sentence in view, inside its article
  document.querySelectorAll(".article-text").forEach(function (box) {
    const mark = box.querySelector("mark.evidence");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  });
  const current = document.querySelector(".queue-list .current");
  if (current) {
    current.scrollIntoView({ block: "nearest" });
  }
  if (panel && !panel.classList.contains("collapsed")) {
    const wrong = panel.querySelector(".errornote");
    const field = wrong && wrong.closest("label") && wrong.closest("label").querySelector("input, select");
    if (field) {
      field.focus();
    }
  }
})();
