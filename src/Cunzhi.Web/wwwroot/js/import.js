// Import pages. Before upload: a file over the size limit is refused here, not after minutes of sending it.
// While an import runs: its status is polled every second and the progress bar follows; once it has finished the
// page reloads, and the server shows the result (every error, paged, with the full list to download).
(() => {
  const form = document.querySelector('form[data-max-bytes]');
  if (form) {
    const max = Number(form.dataset.maxBytes);
    const input = form.querySelector('input[type=file]');
    const message = form.querySelector('[data-upload-error]');
    form.addEventListener('submit', event => {
      const file = input.files && input.files[0];
      if (file && file.size > max) {
        event.preventDefault();
        message.textContent = form.dataset.tooLarge.replace('{size}', (file.size / 1048576).toFixed(1));
        message.classList.remove('d-none');
      }
    });
  }

  const job = document.querySelector('[data-import-job]');
  if (!job) return;
  const progress = job.querySelector('[role=progressbar]');
  const bar = job.querySelector('.progress-bar');
  const count = job.querySelector('[data-import-count]');
  const state = document.querySelector('[data-import-state]');

  const poll = async () => {
    try {
      const response = await fetch(job.dataset.statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        count.textContent = '无法获取导入进度，请刷新页面';
        return;
      }
      const status = await response.json();
      if (status.finished) {
        location.reload();
        return;
      }
      state.textContent = status.stateName;
      bar.style.width = `${status.percent}%`;
      progress.setAttribute('aria-valuenow', String(status.percent));
      count.textContent = status.progressText;
    } catch {
      // A dropped request (network, server restarting): try again on the next tick.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
})();
