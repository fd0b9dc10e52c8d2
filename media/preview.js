// Postmortem preview: swaps in the re-rendered body the extension sends as the log changes,
// keeping the reader's scroll position. The body is built and escaped by the extension.
(function () {
  const content = document.getElementById('content');
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!content || !msg || msg.type !== 'update' || typeof msg.html !== 'string') return;
    const y = window.scrollY;
    content.innerHTML = msg.html;
    window.scrollTo(0, y);
  });
})();
