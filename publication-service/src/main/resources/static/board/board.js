// The public board: reads /api/board (masked data only) and renders it; no personal data is ever handled here
// beyond what the API publishes. Text goes in through textContent, never as HTML.
(function () {
  'use strict';
  var KINDS = { RED: '红名单', BLACK: '黑名单', GRAY: '重点关注名单' };
  var EXITS = { EXPIRED: '有效期届满', REPAIRED: '信用修复', STANDARD_CHANGED: '认定标准变化', REVOKED: '撤销' };
  var SIZE = 20;
  var page = 0;

  function $(id) { return document.getElementById(id); }

  function filters() {
    var params = new URLSearchParams();
    ['q', 'kind', 'department', 'from', 'to'].forEach(function (name) {
      var value = $(name).value.trim();
      if (value) { params.set(name, value); }
    });
    return params;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function fields(list, rows) {
    var dl = el('dl');
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === '') { return; }
      dl.appendChild(el('dt', null, row[0]));
      dl.appendChild(el('dd', row[2] || null, row[1]));
    });
    list.appendChild(dl);
  }

  function card(kind, title) {
    var li = el('li', kind);
    var h = el('h3');
    h.appendChild(el('span', 'badge ' + kind, KINDS[kind] || kind));
    h.appendChild(document.createTextNode(title));
    li.appendChild(h);
    return li;
  }

  function renderEntry(e) {
    var li = card(e.listKind, e.subjectName);
    li.classList.add('entry');
    li.dataset.listingId = e.listingId;
    fields(li, [
      ['名单', e.listTypeName],
      ['统一社会信用代码', e.uscc],
      ['身份证号码', e.maskedIdNumber],
      ['列入事由', e.reason],
      ['认定部门', e.recognisingDepartment],
      ['认定依据', e.basis],
      ['认定日期', e.recognitionDate],
      ['有效期', e.validFrom + ' 至 ' + (e.validUntil || '长期')],
      ['信用修复', e.rectificationNote, 'note']
    ]);
    return li;
  }

  function renderAnnouncement(a) {
    var li = card(a.listKind, a.subjectName + ' 退出' + (KINDS[a.listKind] || ''));
    li.classList.add('announcement');
    fields(li, [
      ['名单', a.listTypeName],
      ['统一社会信用代码', a.uscc],
      ['身份证号码', a.maskedIdNumber],
      ['认定部门', a.recognisingDepartment],
      ['退出原因', EXITS[a.exitReason] || a.exitReason],
      ['退出日期', a.exitDate],
      [a.exitReason === 'REPAIRED' ? '修复说明' : '说明', a.note, 'note']
    ]);
    return li;
  }

  function fail(target, response) {
    target.textContent = '查询失败（' + response.status + '），请检查查询条件后重试。';
  }

  function load() {
    var params = filters();
    var exports = params.toString();
    $('csv').href = '/api/board/export.csv' + (exports ? '?' + exports : '');
    $('xlsx').href = '/api/board/export.xlsx' + (exports ? '?' + exports : '');
    params.set('page', page);
    params.set('size', SIZE);
    $('status').textContent = '正在查询……';
    fetch('/api/board?' + params.toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { fail($('status'), response); return null; }
        return response.json();
      })
      .then(function (result) {
        if (!result) { return; }
        var list = $('entries');
        list.replaceChildren.apply(list, result.items.map(renderEntry));
        // past the search's counting limit the total is a lower bound ("1000+"): paging goes on while pages are full
        var exact = result.totalExact !== false;
        var pages = Math.max(1, Math.ceil(result.total / SIZE));
        $('status').textContent = '共 ' + result.total + (exact ? '' : '+') + ' 条';
        $('pageno').textContent = '第 ' + (page + 1) + (exact ? ' / ' + pages : '') + ' 页';
        $('prev').disabled = page === 0;
        $('next').disabled = exact ? page + 1 >= pages : result.items.length < SIZE;
      })
      .catch(function () { $('status').textContent = '网络错误，请稍后重试。'; });
  }

  function loadAnnouncements() {
    fetch('/api/board/announcements?size=20', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (result) {
        var list = $('announcements');
        list.replaceChildren.apply(list, result.items.map(renderAnnouncement));
        if (!result.items.length) { list.appendChild(el('li', null, '暂无退出公告')); }
      })
      .catch(function () { /* the board itself still works */ });
  }

  $('search').addEventListener('submit', function (event) {
    event.preventDefault();
    page = 0;
    load();
  });
  $('prev').addEventListener('click', function () { if (page > 0) { page--; load(); } });
  $('next').addEventListener('click', function () { page++; load(); });
  load();
  loadAnnouncements();
}());
