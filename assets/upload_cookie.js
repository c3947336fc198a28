// Uploads carry the session cookie (xlvphc/upload_guard.py).
//
// Reflex posts uploads with XMLHttpRequest to its backend address. In
// production that is the page's own origin and the browser sends the
// HttpOnly session cookie by itself; under `reflex run` (development) the
// backend listens on a port of its own, a cross-origin request that
// XMLHttpRequest sends without cookies unless asked, and the upload guard
// refuses it. Only requests to the upload endpoint are changed.
//
// A refused upload (403: the session ended, or this browser's cookie now
// names another login) would otherwise pass unseen: Reflex only logs it to
// the console and the page kept showing the previous file's result (user
// trial). The page's hidden refusal buttons (upload_guard.refusal_trigger)
// are clicked, so that its state drops that result and says on the page why
// the file was not processed; the user is also told at once, in Vietnamese,
// what to do (the same words as upload_guard.UPLOAD_REFUSED).
(function () {
  "use strict";
  var REFUSED =
    "Không tải được tệp lên: phiên đăng nhập của trang này đã kết thúc " +
    "hoặc trình duyệt đã đăng nhập bằng tài khoản khác. Tệp chưa được xử " +
    "lý. Hãy tải lại trang (đăng nhập lại nếu được hỏi) rồi chọn tệp lần " +
    "nữa.";
  function tellThePage() {
    var triggers = document.querySelectorAll("[data-upload-refused]");
    for (var i = 0; i < triggers.length; i++) {
      triggers[i].click();
    }
  }
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var result = open.apply(this, arguments);
    try {
      var path = new URL(String(url), window.location.href).pathname;
      if (/\/_upload\/?$/.test(path)) {
        this.withCredentials = true;
        this.addEventListener("load", function () {
          if (this.status === 403) {
            tellThePage();
            window.alert(REFUSED);
          }
        });
      }
    } catch (err) {
      // An address URL() cannot read is not an upload of ours.
    }
    return result;
  };
})();
