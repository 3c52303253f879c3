// Applies the saved theme before first paint (see src/lib/theme.ts); a file, not inline, so the
// Content-Security-Policy can stay at script-src 'self'. Dark is the default look.
(function () {
  var t = null;
  try {
    t = localStorage.getItem('mangu-theme');
  } catch (e) {}
  document.documentElement.dataset.theme = t === 'light' ? 'light' : 'dark';
})();
