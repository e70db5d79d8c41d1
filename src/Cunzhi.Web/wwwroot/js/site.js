// The language switch remembers the choice in the culture cookie that ASP.NET Core localisation reads.
document.querySelectorAll('[data-culture-switch]').forEach(a => a.addEventListener('click', () => {
  const culture = new URL(a.href).searchParams.get('culture');
  document.cookie = `.AspNetCore.Culture=c=${culture}|uic=${culture}; path=/; max-age=31536000; samesite=lax`;
}));
