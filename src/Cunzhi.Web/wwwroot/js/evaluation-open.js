// 开启评议: the village tree. Checking a town checks its villages; the filter box shows the towns and villages whose
// name or code contains the text; the count says how many villages are picked. Without this script the villages are
// plain checkboxes grouped by town (the town boxes, filter and buttons stay hidden).
(() => {
  const tree = document.querySelector('[data-village-tree]');
  if (!tree) return;
  const towns = [...tree.querySelectorAll('details[data-town]')];
  const boxes = town => [...town.querySelectorAll('input[name=Villages]')];
  const all = () => [...tree.querySelectorAll('input[name=Villages]')];
  const count = tree.querySelector('[data-tree-count]');
  const filter = tree.querySelector('[data-tree-filter]');
  tree.querySelectorAll('[hidden]').forEach(el => { el.hidden = false; });

  const refresh = () => {
    towns.forEach(town => {
      const list = boxes(town);
      const checked = list.filter(b => b.checked).length;
      const check = town.querySelector('[data-town-check]');
      check.checked = checked > 0 && checked === list.length;
      check.indeterminate = checked > 0 && checked < list.length;
    });
    const everything = all();
    count.textContent = count.dataset.format.replace('{0}', everything.filter(b => b.checked).length).replace('{1}', everything.length);
  };

  towns.forEach(town => {
    const check = town.querySelector('[data-town-check]');
    // A click on the box must not also open or close the town.
    check.addEventListener('click', e => e.stopPropagation());
    check.addEventListener('change', () => {
      boxes(town).forEach(b => { if (!b.closest('[data-village]').hidden) b.checked = check.checked; });
      refresh();
    });
  });
  tree.addEventListener('change', e => { if (e.target.name === 'Villages') refresh(); });

  const setVisible = value => all().forEach(b => { if (!b.closest('[data-village]').hidden) b.checked = value; });
  tree.querySelector('[data-tree-all]').addEventListener('click', () => { setVisible(true); refresh(); });
  tree.querySelector('[data-tree-none]').addEventListener('click', () => { setVisible(false); refresh(); });

  filter.addEventListener('input', () => {
    const text = filter.value.trim();
    towns.forEach(town => {
      const townName = town.querySelector('summary [data-name]').textContent;
      const townHit = !text || townName.includes(text) || town.dataset.town.startsWith(text);
      let shown = 0;
      town.querySelectorAll('[data-village]').forEach(v => {
        const box = v.querySelector('input');
        const hit = townHit || v.querySelector('[data-name]').textContent.includes(text) || box.value.includes(text);
        v.hidden = !hit;
        if (hit) shown++;
      });
      town.hidden = shown === 0;
      if (text) town.open = shown > 0;
    });
  });
  // Enter in the filter box must not submit the form.
  filter.addEventListener('keydown', e => { if (e.key === 'Enter') e.preventDefault(); });
  refresh();
})();
