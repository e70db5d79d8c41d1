// 信访举报 (/Jubao): the place is picked in two steps, a town then one of its villages. With this script a change of
// either select loads the next step at once (the same GET the 选定 buttons send, so the page never holds every village);
// picking a new town forgets the village picked before. Without it the 选定 buttons do the same.
(() => {
  const form = document.querySelector('[data-jubao-picker]');
  if (!form) return;
  form.querySelectorAll('[data-jubao-pick]').forEach(b => { b.hidden = true; });
  const town = form.querySelector('select[name=Town]');
  const place = form.querySelector('select[name=Region]');
  town?.addEventListener('change', () => {
    if (place) place.disabled = true; // a village of the old town must not travel with the new town
    form.submit();
  });
  place?.addEventListener('change', () => form.submit());
})();
