// Organisation pickers (issue 17, item 6): a text field marked `data-org-picker` suggests
// organisations by name while one types, from the directory search of the JSON API
// (`/api/v1/organisations?q=`), in a <datalist>: the browser's own list, reached with the arrow
// keys and chosen with Enter. A choice reads "Name (id)", which the server takes as that id.
// Without JavaScript the field takes a name or an id as before (`App::pick_organisation`).
(() => {
  let n = 0;
  for (const input of document.querySelectorAll('input[data-org-picker]')) {
    const list = document.createElement('datalist');
    list.id = 'org-picker-' + ++n;
    input.after(list);
    input.setAttribute('list', list.id);
    let timer;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      // A chosen suggestion, or too little to search on: nothing to ask.
      if (q.length < 2 || q === asked || /\(\d+\)$/.test(q)) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const r = await fetch('/api/v1/organisations?per_page=8&q=' + encodeURIComponent(q), {
            headers: { accept: 'application/json' },
          });
          if (!r.ok || input.value.trim() !== q) return;
          const body = await r.json();
          list.replaceChildren(
            ...(body.items || []).map((o) => {
              const option = document.createElement('option');
              option.value = `${o.display_name || o.name} (${o.id})`;
              option.label = [o.city, o.country].filter(Boolean).join(', ');
              return option;
            }),
          );
        } catch (_) {
          // Offline or refused: the field still takes a name as typed.
        }
      }, 200);
    });
  }
})();
