// The language switch remembers the choice in the culture cookie that ASP.NET Core localisation reads.
document.querySelectorAll('[data-culture-switch]').forEach(a => a.addEventListener('click', () => {
  const culture = new URL(a.href).searchParams.get('culture');
  document.cookie = `.AspNetCore.Culture=c=${culture}|uic=${culture}; path=/; max-age=31536000; samesite=lax`;
}));

// Behaviour that used to be inline handlers (the Content-Security-Policy allows no inline script):
// <button data-print> prints the page; <form data-confirm="question"> asks before submitting.
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
document.addEventListener('submit', e => {
  const question = e.target instanceof HTMLFormElement ? e.target.dataset.confirm : undefined;
  if (question && !window.confirm(question)) e.preventDefault();
});
