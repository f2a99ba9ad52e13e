// The evidence preview page's PDF viewer: pdf.js (npm's pdfjs-dist), served by the portal itself under /pdfjs/ with
// its worker, renders each page on a canvas. The file comes whole from the portal's sandboxed /raw address, once (no
// range requests: every read is recorded in the chain of custody). No eval (isEvalSupported: false), so the
// Content-Security-Policy stays script-src 'self'. A module of its own: only the preview page of a PDF loads it.
const box = document.querySelector('[data-pdf]');

async function show(box) {
  const status = box.querySelector('.pdf-status');
  const pages = box.querySelector('.pdf-pages');
  try {
    const pdfjs = await import(box.dataset.pdfjs);
    pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.pdfjsWorker;
    const pdf = await pdfjs.getDocument({
      url: box.dataset.pdf, disableRange: true, disableStream: true, disableAutoFetch: true,
      isEvalSupported: false, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/'
    }).promise;
    const shown = Math.min(pdf.numPages, Number(box.dataset.maxPages) || 50);
    const width = Math.max(pages.clientWidth, 320);
    for (let n = 1; n <= shown; n++) {
      const page = await pdf.getPage(n);
      const scale = Math.min(2, width / page.getViewport({ scale: 1 }).width) * (window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Page ' + n + ' of ' + pdf.numPages);
      pages.append(canvas);
      await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    status.textContent = pdf.numPages === 1 ? '1 page' : pdf.numPages + ' pages'
      + (shown < pdf.numPages ? '; the first ' + shown + ' are shown, download the file for the rest' : '');
    box.dataset.rendered = String(shown);
  } catch (e) {
    status.textContent = 'The PDF cannot be shown here (' + (e && e.message ? e.message : e)
      + '). Download it to review it.';
    box.dataset.rendered = 'failed';
  }
}

if (box) {
  show(box);
}
