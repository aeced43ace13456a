// "Try it": a little JavaScript on top of a plain form. Choosing another
// kind loads its sample input; choosing a file puts it in the text area.
// Without JavaScript the form posts the same, and the "load sample"
// button does the first.
(function () {
  "use strict";
  var form = document.getElementById("try-form");
  if (!form) { return; }
  var kind = document.getElementById("kind");
  kind.addEventListener("change", function () {
    var q = new URLSearchParams();
    q.set("kind", kind.value);
    ["programme", "date", "lang"].forEach(function (n) {
      var el = form.elements.namedItem(n);
      if (el && el.value) { q.set(n, el.value); }
    });
    window.location.assign("/try?" + q.toString());
  });
  var file = document.getElementById("file");
  var input = document.getElementById("input");
  file.addEventListener("change", function () {
    if (!file.files || file.files.length === 0) { return; }
    var reader = new FileReader();
    reader.onload = function () { input.value = String(reader.result); file.value = ""; };
    reader.readAsText(file.files[0]);
  });
})();
