// Uploads carry the session cookie (xlvphc/upload_guard.py).
//
// Reflex posts uploads with XMLHttpRequest to its backend address. In
// production that is the page's own origin and the browser sends the
// HttpOnly session cookie by itself; under `reflex run` (development) the
// backend listens on a port of its own, a cross-origin request that
// XMLHttpRequest sends without cookies unless asked, and the upload guard
// refuses it. Only requests to the upload endpoint are changed.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var result = open.apply(this, arguments);
    try {
      var path = new URL(String(url), window.location.href).pathname;
      if (/\/_upload\/?$/.test(path)) {
        this.withCredentials = true;
      }
    } catch (err) {
      // An address URL() cannot read is not an upload of ours.
    }
    return result;
  };
})();
