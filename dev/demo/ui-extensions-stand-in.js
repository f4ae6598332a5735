// A local stand-in for what Shopify gives a UI extension, loaded only by the demo's preview of the app's UI
// extensions (/__demo/admin-extensions and /__demo/customer-extensions, ./admin-extensions.ts), before the
// extension's real bundle:
//  - the `shopify` global: data.selected (admin: the order or product), order / orderId /
//    orderConfirmation (customer account and thank-you page: the order), i18n.translate over the
//    extension's own locale file ({{name}} replacements, one/other plurals), i18n.formatDate, close(),
//    extension.target, auth.idToken() (admin) and sessionToken.get() (customer account, checkout);
//  - `fetch` to the app's own paths carries `Authorization: Bearer <session token>` (minted by the demo
//    server with the demo's secret), as the admin adds it; customer-facing extensions add their token
//    themselves and call the app's public URL (config.appUrl), which is sent to the demo server instead;
//  - the `s-*` web components the extensions use, drawn plainly (not Shopify's look): enough to read what
//    an extension shows and to use its fields and buttons. `app:` links open the demo admin.
// Configuration comes from window.__EXTENSION__ = { target, kind, selectedId, shop, locale, messages,
// appUrl, tokenUrl }; kind is "admin" (the default), "customer-account" or "checkout".
(function () {
  "use strict";
  var config = window.__EXTENSION__ || {};
  var kind = config.kind || "admin";
  var originalFetch = window.fetch.bind(window);
  var cached = null;

  /** A session token of the surface's kind: the admin's (staff), or the customer account's / checkout's. */
  function idToken() {
    if (cached && cached.expiresAt - Date.now() > 10000) return Promise.resolve(cached.token);
    return originalFetch(config.tokenUrl || "/__demo/session-token?shop=" + encodeURIComponent(config.shop || ""))
      .then(function (response) {
        if (!response.ok) throw new Error("The demo refused a session token: " + response.status);
        return response.json();
      })
      .then(function (body) {
        cached = { token: body.token, expiresAt: body.expiresAt };
        return body.token;
      });
  }

  window.fetch = function (input, init) {
    var request = new Request(input, init);
    var url = new URL(request.url, location.href);
    if (kind !== "admin") {
      // The app's public URL (extensions/shared/app-url.ts) is this demo server here; the token is the extension's.
      if (config.appUrl && url.origin === new URL(config.appUrl).origin) {
        var local = location.origin + url.pathname + url.search;
        return typeof input === "string" || input instanceof URL ? originalFetch(local, init) : originalFetch(new Request(local, request));
      }
      return originalFetch(request);
    }
    if (url.origin !== location.origin || url.pathname.indexOf("/__demo/") === 0) return originalFetch(request);
    return idToken().then(function (token) {
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return originalFetch(new Request(request, { headers: headers }));
    });
  };

  function lookup(key) {
    return key.split(".").reduce(function (node, part) {
      return node && typeof node === "object" ? node[part] : undefined;
    }, config.messages || {});
  }

  function translate(key, options) {
    options = options || {};
    var message = lookup(key);
    if (message && typeof message === "object" && typeof options.count === "number") {
      var form = new Intl.PluralRules(config.locale || "en").select(options.count);
      message = message[form] !== undefined ? message[form] : message.other;
    }
    if (typeof message !== "string") return key;
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_all, name) {
      return options[name] === undefined ? "" : String(options[name]);
    });
  }

  var selected = config.selectedId ? { id: config.selectedId } : null;
  window.shopify = {
    extension: { target: config.target },
    data: { selected: selected && kind === "admin" ? [selected] : [] },
    // Customer account: the order status page's order, and the order an order action was opened for.
    order: { value: kind === "customer-account" ? selected : null },
    orderId: kind === "customer-account" && selected ? selected.id : undefined,
    // Thank-you page: the order just placed.
    orderConfirmation: { value: kind === "checkout" && selected ? { order: selected } : null },
    sessionToken: { get: idToken },
    i18n: {
      translate: translate,
      formatDate: function (date, options) {
        return new Intl.DateTimeFormat(config.locale || "en", options || {}).format(date);
      },
      formatNumber: function (number, options) {
        return new Intl.NumberFormat(config.locale || "en", options || {}).format(number);
      },
    },
    auth: { idToken: idToken },
    close: function () {
      document.body.setAttribute("data-closed", "");
    },
  };

  // ---- the s-* components ------------------------------------------------------------------------------
  var TONES = { info: "#e0f0ff", success: "#dff5e3", warning: "#fff1c2", caution: "#fff1c2", critical: "#fde2e1", neutral: "#eceff1", auto: "#eceff1" };
  var BASE = ":host{font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#303030}";

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** A component drawn in its shadow root from its attributes; children stay in the light DOM (slots). */
  function define(name, attributes, draw, setup) {
    if (customElements.get(name)) return;
    var Element = function () {
      return Reflect.construct(HTMLElement, [], Element);
    };
    Element.prototype = Object.create(HTMLElement.prototype);
    Element.prototype.constructor = Element;
    Object.setPrototypeOf(Element, HTMLElement);
    Object.defineProperty(Element, "observedAttributes", { get: function () { return attributes; } });
    Element.prototype.connectedCallback = function () {
      if (!this.shadowRoot) {
        this.attachShadow({ mode: "open" });
        if (setup) setup(this);
      }
      this.redraw();
    };
    Element.prototype.attributeChangedCallback = function () {
      if (this.shadowRoot) this.redraw();
    };
    Element.prototype.redraw = function () {
      this.shadowRoot.innerHTML = "<style>" + BASE + "</style>" + draw(this);
      if (this.afterDraw) this.afterDraw();
    };
    customElements.define(name, Element);
    return Element;
  }

  var attr = function (el, name) {
    return el.getAttribute(name) || "";
  };

  define("s-admin-block", ["heading"], function (el) {
    return (
      "<section style='background:#fff;border-radius:12px;box-shadow:0 1px 0 rgba(0,0,0,.08),0 0 0 1px #e3e3e3;padding:16px'>" +
      "<h2 style='font-size:14px;margin:0 0 12px'>" + escapeHtml(attr(el, "heading")) + "</h2><slot></slot></section>"
    );
  });
  define("s-admin-action", ["heading", "loading"], function (el) {
    return (
      "<section style='background:#fff;border-radius:12px;box-shadow:0 4px 20px rgba(0,0,0,.15);max-width:560px'>" +
      "<h2 style='font-size:16px;margin:0;padding:14px 16px;border-bottom:1px solid #e3e3e3'>" + escapeHtml(attr(el, "heading")) + "</h2>" +
      "<div style='padding:16px'>" + (el.hasAttribute("loading") ? "<p>…</p>" : "") + "<slot></slot></div>" +
      "<footer style='display:flex;gap:8px;justify-content:flex-end;padding:12px 16px;border-top:1px solid #e3e3e3'>" +
      "<slot name='secondary-actions'></slot><slot name='primary-action'></slot></footer></section>"
    );
  });
  define("s-section", ["heading"], function (el) {
    return (
      "<section style='background:#fff;border-radius:12px;border:1px solid #dedede;padding:20px'>" +
      (attr(el, "heading") ? "<h2 style='font-size:18px;margin:0 0 12px'>" + escapeHtml(attr(el, "heading")) + "</h2>" : "") + "<slot></slot></section>"
    );
  });
  define("s-customer-account-action", ["heading"], function (el) {
    return (
      "<section role='dialog' aria-label='" + escapeHtml(attr(el, "heading")) + "' style='background:#fff;border-radius:12px;box-shadow:0 4px 20px rgba(0,0,0,.15);max-width:560px'>" +
      "<h2 style='font-size:18px;margin:0;padding:16px 20px'>" + escapeHtml(attr(el, "heading")) + "</h2>" +
      "<div style='padding:0 20px 16px'><slot></slot></div>" +
      "<footer style='display:flex;gap:8px;justify-content:flex-end;padding:12px 20px;border-top:1px solid #e3e3e3'>" +
      "<slot name='secondary-actions'></slot><slot name='primary-action'></slot></footer></section>"
    );
  });
  define("s-spinner", [], function () {
    return "<span role='status'>…</span>";
  });
  define("s-unordered-list", [], function () {
    return "<style>:host{display:block}</style><slot></slot>";
  });
  define("s-list-item", [], function () {
    return "<style>:host{display:list-item;margin-left:20px}</style><slot></slot>";
  });
  define("s-stack", ["direction", "gap"], function (el) {
    var inline = attr(el, "direction") === "inline";
    var gap = /small/.test(attr(el, "gap")) ? "4px" : "12px";
    return "<style>:host{display:flex;flex-direction:" + (inline ? "row;align-items:center;flex-wrap:wrap" : "column") + ";gap:" + gap + "}</style><slot></slot>";
  });
  define("s-box", ["padding", "border"], function () {
    return "<style>:host{display:block;padding:12px;border:1px solid #d4d4d4;border-radius:8px;background:#fafafa}</style><slot></slot>";
  });
  define("s-text", ["type", "color", "tone"], function (el) {
    var style = attr(el, "type") === "strong" ? "font-weight:650;" : "";
    if (attr(el, "color") === "subdued") style += "color:#616161;";
    if (attr(el, "tone") === "critical") style += "color:#8e1f0b;";
    return "<style>:host{display:inline;" + style + "}</style><slot></slot>";
  });
  define("s-paragraph", [], function () {
    return "<style>:host{display:block;margin:0;white-space:pre-wrap}</style><slot></slot>";
  });
  define("s-heading", [], function () {
    return "<style>:host{display:block;font-weight:650;font-size:15px}</style><slot></slot>";
  });
  define("s-badge", ["tone"], function (el) {
    return "<style>:host{display:inline-block;border-radius:8px;padding:1px 8px;font-size:12px;background:" + (TONES[attr(el, "tone")] || TONES.neutral) + "}</style><slot></slot>";
  });
  define("s-banner", ["tone", "heading"], function (el) {
    return (
      "<div style='border-radius:8px;padding:10px 12px;background:" + (TONES[attr(el, "tone")] || TONES.info) + "'>" +
      (attr(el, "heading") ? "<strong>" + escapeHtml(attr(el, "heading")) + "</strong>" : "") + "<div><slot></slot></div></div>"
    );
  });
  define(
    "s-link",
    ["href"],
    function (el) {
      return "<a href='" + escapeHtml(demoHref(attr(el, "href"))) + "' target='_top' style='color:#005bd3'><slot></slot></a>";
    },
  );
  function demoHref(href) {
    // `app:/app/...` opens that page of the app; the demo shows it inside its admin stand-in.
    if (href.indexOf("app:") === 0) return "/__demo/admin#" + new URLSearchParams({ path: href.slice(4), locale: config.locale || "en" });
    return href;
  }
  define(
    "s-button",
    ["disabled", "loading", "variant", "tone"],
    function (el) {
      var primary = attr(el, "variant") === "primary";
      var critical = attr(el, "tone") === "critical";
      var disabled = el.hasAttribute("disabled") || el.hasAttribute("loading");
      var colours = primary
        ? critical ? "#8e1f0b;background:#8e1f0b;color:#fff" : "#303030;background:#303030;color:#fff"
        : critical ? "#c9c9c9;background:#fff;color:#8e1f0b" : "#c9c9c9;background:#fff;color:#303030";
      return (
        "<button " + (disabled ? "disabled " : "") + "style='font:inherit;border-radius:8px;padding:6px 12px;cursor:pointer;border:1px solid " +
        colours + (disabled ? ";opacity:.5;cursor:default" : "") +
        "'><slot></slot></button>"
      );
    },
    function (el) {
      // A disabled button's click never reaches the extension's handler.
      el.addEventListener("click", function (event) {
        if (el.hasAttribute("disabled") || el.hasAttribute("loading")) event.stopImmediatePropagation();
      }, true);
    },
  );
  define("s-option", ["value"], function () {
    return "<style>:host{display:none}</style>";
  });

  /** Form fields: label, a native control, the error; `value` is a property and `change` fires on the host. */
  function field(name, control) {
    var Element = define(
      name,
      ["label", "error", "name"],
      function (el) {
        var error = attr(el, "error");
        return (
          "<label style='display:flex;flex-direction:column;gap:4px'><span>" + escapeHtml(attr(el, "label")) + "</span>" + control(el) + "</label>" +
          (error ? "<div style='color:#8e1f0b;margin-top:4px'>" + escapeHtml(error) + "</div>" : "")
        );
      },
      function (el) {
        el.shadowRoot.addEventListener("change", function (event) {
          el._value = event.target.value;
          el.dispatchEvent(new Event("change", { bubbles: true }));
        });
        if (name === "s-select") new MutationObserver(function () { el.redraw(); }).observe(el, { childList: true, subtree: true, characterData: true });
      },
    );
    if (!Element) return;
    Object.defineProperty(Element.prototype, "value", {
      get: function () { return this._value == null ? "" : this._value; },
      set: function (value) {
        this._value = value;
        var control = this.shadowRoot && this.shadowRoot.querySelector("input,select,textarea");
        if (control && control.value !== value) control.value = value;
      },
    });
    Element.prototype.afterDraw = function () {
      var control = this.shadowRoot.querySelector("input,select,textarea");
      if (control) control.value = this.value;
    };
  }
  var input = "font:inherit;padding:6px 8px;border:1px solid #8a8a8a;border-radius:8px";
  field("s-text-field", function () { return "<input type='text' style='" + input + "'>"; });
  field("s-date-field", function () { return "<input type='date' style='" + input + "'>"; });
  field("s-text-area", function () { return "<textarea rows='4' style='" + input + "'></textarea>"; });
  field("s-select", function (el) {
    var options = Array.prototype.map.call(el.querySelectorAll("s-option"), function (option) {
      return "<option value='" + escapeHtml(option.getAttribute("value")) + "'>" + escapeHtml(option.textContent) + "</option>";
    });
    return "<select style='" + input + "'>" + options.join("") + "</select>";
  });
})();
