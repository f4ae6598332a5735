// A local stand-in for Shopify's App Bridge (cdn.shopify.com/shopifycloud/app-bridge.js), loaded only by
// `npm run demo` through the library's APP_BRIDGE_URL seam, inside the demo admin's iframe (admin.html).
// It does what the app relies on, as the real script does:
//  - shopify.idToken(): a fresh session token (minted by the demo server with the demo's own secret);
//  - adds `Authorization: Bearer <token>` to the app's own fetches (Remix data requests, form posts);
//  - on the library's /auth/session-token bounce page, reloads `shopify-reload` with a fresh id_token;
//  - mirrors <ui-nav-menu> and <ui-title-bar> into the admin around the iframe, and turns a click there
//    into the `shopify:navigate` event the library's AppProvider listens to;
//  - shopify.toast.show() shows in the admin; the admin learns the current path so a reload returns to it;
//  - <ui-save-bar> and shopify.saveBar (show/hide/toggle/leaveConfirmation): the admin draws the bar, asks
//    before leaving while it shows, and clicks the app's Save / Discard buttons when the merchant does.
// It never touches the app's DOM outside its own custom elements, so React hydration is undisturbed.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__standIn) return;

  var script = document.currentScript;
  var apiKey = (script && script.getAttribute("data-api-key")) || "";
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || "";
  var admin = window.parent !== window ? window.parent : null;
  var originalFetch = window.fetch.bind(window);
  var cached = null;

  function post(message) {
    if (admin) admin.postMessage(Object.assign({ source: "bp-app-bridge" }, message), location.origin);
  }

  function idToken() {
    if (cached && cached.expiresAt - Date.now() > 10000) return Promise.resolve(cached.token);
    return originalFetch("/__demo/session-token?shop=" + encodeURIComponent(shop))
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
    if (url.origin !== location.origin || url.pathname.indexOf("/__demo/") === 0) return originalFetch(request);
    return idToken().then(function (token) {
      var headers = new Headers(request.headers);
      headers.set("Authorization", "Bearer " + token);
      return originalFetch(new Request(request, { headers: headers }));
    });
  };

  // The library's bounce page: come back with a fresh session token.
  if (location.pathname === "/auth/session-token" && params.get("shopify-reload")) {
    idToken().then(function (token) {
      var target = new URL(params.get("shopify-reload"), location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.href);
    });
  }

  function reportLocation() {
    var url = new URL(location.href);
    ["embedded", "shop", "host", "id_token", "hmac", "timestamp", "session"].forEach(function (key) {
      url.searchParams.delete(key);
    });
    post({ type: "location", path: url.pathname + url.search });
  }
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      var result = original.apply(history, arguments);
      setTimeout(reportLocation, 0);
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);
  if (location.pathname !== "/auth/session-token") reportLocation();

  function defineMirror(name, render) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          // An empty shadow root keeps the light-DOM children (React's) out of sight, like the real admin.
          if (!this.shadowRoot) this.attachShadow({ mode: "open" });
          render(this);
          this._observer = new MutationObserver(() => render(this));
          this._observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
        }
      },
    );
  }

  var navMenu = null;
  defineMirror("ui-nav-menu", function (menu) {
    navMenu = menu;
    var items = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { href: a.getAttribute("href") || "/app", label: a.textContent || "", home: a.getAttribute("rel") === "home" };
    });
    post({ type: "nav", items: items });
  });
  defineMirror("ui-title-bar", function (bar) {
    post({ type: "title", title: bar.getAttribute("title") || "" });
  });

  // The library's AppProvider listens for `shopify:navigate` once React has hydrated. A click in the admin
  // before that is queued and delivered when the listener arrives (a page load if it never does).
  var navigationReady = false;
  var pendingHref = null;
  var addEventListener = window.addEventListener;
  window.addEventListener = function (type) {
    var result = addEventListener.apply(this, arguments);
    if (type === "shopify:navigate" && !navigationReady) {
      navigationReady = true;
      if (pendingHref) {
        var href = pendingHref;
        pendingHref = null;
        setTimeout(function () {
          navigate(href);
        }, 0);
      }
    }
    return result;
  };

  function navigate(href) {
    var link = navMenu
      ? Array.prototype.find.call(navMenu.querySelectorAll("a"), function (a) {
          return a.getAttribute("href") === href;
        })
      : null;
    if (link) link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== "bp-admin") return;
    if (event.data.type !== "navigate") return;
    // The admin asks before leaving a page with a save bar showing; once it sends this, the merchant chose to leave.
    hideAllSaveBars();
    if (navigationReady) return navigate(event.data.href);
    pendingHref = event.data.href;
    setTimeout(function () {
      if (pendingHref !== event.data.href) return;
      pendingHref = null;
      var target = new URL(event.data.href, location.href);
      ["embedded", "shop", "host", "locale"].forEach(function (key) {
        if (params.get(key)) target.searchParams.set(key, params.get(key));
      });
      location.assign(target.pathname + target.search);
    }, 10000);
  });

  // <ui-save-bar>: the contextual save bar. Like the real one it is drawn by the admin, outside the iframe;
  // its <button variant="primary"> child is Save, the other <button> is Discard. The admin asks before
  // leaving the page while one is showing (leave confirmation), as Shopify's admin does.
  var saveBars = [];
  function buttonsOf(bar) {
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
    var save = buttons.find(function (b) { return b.getAttribute("variant") === "primary"; }) || null;
    var discard = buttons.find(function (b) { return b !== save; }) || null;
    return { save: save, discard: discard };
  }
  function describe(button) {
    return button
      ? { label: button.textContent || "", disabled: button.hasAttribute("disabled"), loading: button.hasAttribute("loading") }
      : null;
  }
  function visibleSaveBar() {
    for (var i = saveBars.length - 1; i >= 0; i--) if (saveBars[i]._showing && saveBars[i].isConnected) return saveBars[i];
    return null;
  }
  function reportSaveBar() {
    var bar = visibleSaveBar();
    if (!bar) return post({ type: "saveBar", showing: false });
    var buttons = buttonsOf(bar);
    post({
      type: "saveBar",
      showing: true,
      id: bar.id,
      discardConfirmation: bar.discardConfirmation,
      save: describe(buttons.save),
      discard: describe(buttons.discard),
    });
  }
  if (!customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        constructor() {
          super();
          this._showing = false;
        }
        connectedCallback() {
          if (!this.shadowRoot) this.attachShadow({ mode: "open" });
          if (saveBars.indexOf(this) === -1) saveBars.push(this);
          this._observer = new MutationObserver(function () { reportSaveBar(); });
          this._observer.observe(this, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
          saveBars = saveBars.filter((bar) => bar !== this);
          if (this._showing) {
            this._showing = false;
            reportSaveBar();
          }
        }
        get showing() {
          return this._showing;
        }
        get discardConfirmation() {
          return this.hasAttribute("discardConfirmation") || this.hasAttribute("discardconfirmation");
        }
        set discardConfirmation(value) {
          if (value) this.setAttribute("discardConfirmation", "");
          else this.removeAttribute("discardConfirmation");
        }
        show() {
          if (!this._showing) {
            this._showing = true;
            reportSaveBar();
            this.dispatchEvent(new Event("show"));
          }
          return Promise.resolve();
        }
        hide() {
          if (this._showing) {
            this._showing = false;
            reportSaveBar();
            this.dispatchEvent(new Event("hide"));
          }
          return Promise.resolve();
        }
        toggle() {
          return this._showing ? this.hide() : this.show();
        }
      },
    );
  }
  function byId(id) {
    var element = document.getElementById(id);
    return element && element.tagName === "UI-SAVE-BAR" ? element : null;
  }
  var pendingLeave = [];
  function hideAllSaveBars() {
    saveBars.slice().forEach(function (bar) { bar.hide(); });
  }
  function leaveConfirmation() {
    if (!visibleSaveBar()) return Promise.resolve();
    return new Promise(function (resolve) {
      pendingLeave.push(resolve);
      post({ type: "leaveConfirmation" });
    });
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.source !== "bp-admin") return;
    if (event.data.type === "saveBarAction") {
      var bar = visibleSaveBar();
      if (!bar) return;
      var button = buttonsOf(bar)[event.data.action === "save" ? "save" : "discard"];
      if (button && !button.hasAttribute("disabled")) button.click();
    }
    if (event.data.type === "leave") {
      // The merchant chose to leave: the unsaved changes are dropped, as in Shopify's admin.
      hideAllSaveBars();
      var waiting = pendingLeave;
      pendingLeave = [];
      waiting.forEach(function (resolve) { resolve(); });
    }
  });

  function toast(message, options) {
    post({ type: "toast", message: String(message), isError: Boolean(options && options.isError) });
    return String(Date.now());
  }

  window.shopify = {
    __standIn: true,
    config: { apiKey: apiKey, shop: shop, host: params.get("host"), locale: params.get("locale") || "en" },
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    saveBar: {
      show: function (id) { var bar = byId(id); return bar ? bar.show() : Promise.resolve(); },
      hide: function (id) { var bar = byId(id); return bar ? bar.hide() : Promise.resolve(); },
      toggle: function (id) { var bar = byId(id); return bar ? bar.toggle() : Promise.resolve(); },
      leaveConfirmation: leaveConfirmation,
    },
    modal: { show: function () {}, hide: function () {}, toggle: function () {} },
  };
})();
