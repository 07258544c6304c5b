// InfraDoc site: draws the diagrams with the bundled Mermaid and runs the search box.
// Values from the model reach the page only through textContent, never through innerHTML;
// the only markup inserted is the SVG Mermaid returns (securityLevel strict: labels sanitised).
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';

  function drawDiagrams() {
    var sources = document.querySelectorAll('pre.mermaid-source');
    if (sources.length === 0 || !window.mermaid) return;
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
    var chain = Promise.resolve();
    Array.prototype.forEach.call(sources, function (pre, i) {
      chain = chain.then(function () {
        return window.mermaid.render('diagram-' + (i + 1), pre.textContent).then(function (result) {
          var holder = document.createElement('div');
          holder.className = 'diagram-svg';
          holder.innerHTML = result.svg;
          pre.parentNode.insertBefore(holder, pre);
          pre.hidden = true;
        }, function (err) {
          pre.classList.add('diagram-error');
          console.error('diagram ' + (i + 1) + ' could not be drawn: ' + (err && err.message ? err.message : err));
        });
      });
    });
    chain.then(function () { document.body.setAttribute('data-diagrams', 'done'); });
  }

  function words(s) {
    return s.toLowerCase().split(/\s+/).filter(function (w) { return w !== ''; });
  }

  function setUpSearch() {
    var input = document.getElementById('search');
    var list = document.getElementById('search-results');
    var entries = window.INFRADOC_SEARCH || [];
    if (!input || !list) return;
    var haystacks = entries.map(function (e) { return (e.title + ' ' + e.kind + ' ' + e.text).toLowerCase(); });
    function show() {
      var query = words(input.value);
      while (list.firstChild) list.removeChild(list.firstChild);
      if (query.length === 0) { list.hidden = true; return; }
      var shown = 0;
      for (var i = 0; i < entries.length && shown < 20; i++) {
        var hay = haystacks[i];
        if (!query.every(function (w) { return hay.indexOf(w) >= 0; })) continue;
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = root + entries[i].url;
        a.textContent = entries[i].title;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = ' ' + entries[i].kind;
        a.appendChild(kind);
        li.appendChild(a);
        list.appendChild(li);
        shown++;
      }
      if (shown === 0) {
        var none = document.createElement('li');
        none.textContent = 'Nothing found';
        list.appendChild(none);
      }
      list.hidden = false;
    }
    input.addEventListener('input', show);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) window.location.href = first.href;
      } else if (e.key === 'Escape') {
        input.value = '';
        show();
      }
    });
  }

  setUpSearch();
  drawDiagrams();
  if (document.querySelectorAll('pre.mermaid-source').length === 0) document.body.setAttribute('data-diagrams', 'done');
})();
