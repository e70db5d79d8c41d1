// From the QR code: the code is in the fragment (never sent to the server or its logs); fill it in and go on, once.
// Loaded right after the code form (not deferred), so the form exists and the page never shows the empty form first.
(function () {
  var h = decodeURIComponent(location.hash.slice(1));
  if (!h) return;
  history.replaceState(null, '', location.pathname);
  var form = document.getElementById('code-form');
  if (!form) return;
  form.querySelector('input[name=Code]').value = h;
  form.submit();
})();
