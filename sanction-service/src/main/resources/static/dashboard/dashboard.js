// R8: the credit office's view of the closed loop. Plain DOM and SVG, nothing loaded from elsewhere.
(function () {
  'use strict';

  var API = '/api/sanction/dashboard/';
  var STEPS = [
    {key: 'INITIATED', field: 'initiated', label: '已发起', color: '#0d47a1'},
    {key: 'RESPONDED', field: 'responded', label: '已响应', color: '#00838f'},
    {key: 'IMPLEMENTED', field: 'implemented', label: '已实施', color: '#2e7d32'},
    {key: 'FED_BACK', field: 'fedBack', label: '已反馈', color: '#f9a825'},
    {key: 'LIFTED', field: 'lifted', label: '已解除', color: '#757575'},
    {key: 'OVERDUE', field: 'overdue', label: '逾期未响应', color: '#b71c1c'}
  ];
  var STATES = {INITIATED: '待响应', RESPONDED: '已响应', IMPLEMENTED: '已实施', FED_BACK: '已反馈', LIFTED: '已解除'};
  var DIMENSIONS = [
    {key: 'department', list: 'byDepartment', table: 'by-department', head: '认定部门'},
    {key: 'listType', list: 'byListType', table: 'by-listType', head: '名单类型'},
    {key: 'agency', list: 'byAgency', table: 'by-agency', head: '实施单位'}
  ];
  var SVG = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function filters() {
    var p = new URLSearchParams();
    ['from', 'to', 'department', 'listType', 'agency'].forEach(function (k) {
      var v = $(k).value.trim();
      if (v) { p.set(k, v); }
    });
    return p;
  }

  // R16: the staff member's token from POST /auth/login, kept for this tab only
  var TOKEN_KEY = 'creditloop.token';

  function get(path) {
    var headers = {Accept: 'application/json'};
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch(path, {headers: headers}).then(function (r) {
      if (r.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        $('login').hidden = false;
      }
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (p) {
          throw new Error(p.detail || p.title || ('HTTP ' + r.status));
        });
      }
      return r.json();
    });
  }

  function day(instant) {
    if (!instant) { return ''; }
    var d = new Date(instant);
    return d.toLocaleString('zh-CN', {timeZone: 'Asia/Shanghai', hour12: false});
  }

  function load() {
    var p = filters();
    $('status').textContent = '加载中…';
    var series = new URLSearchParams(p);
    series.set('bucket', $('bucket').value);
    history.replaceState(null, '', '?' + series.toString());
    Promise.all([get(API + 'summary?' + p), get(API + 'series?' + series)]).then(function (r) {
      var summary = r[0];
      if (!$('from').value) { $('from').value = summary.filter.from; }
      if (!$('to').value) { $('to').value = summary.filter.to; }
      totals(summary.total);
      DIMENSIONS.forEach(function (d) { table(d, summary[d.list]); });
      chart(r[1].points);
      $('status').textContent = '共 ' + summary.total.initiated + ' 项任务（' + summary.filter.from + ' 至 '
          + summary.filter.to + ' 发起，逾期按 ' + summary.today + ' 计）';
    }).catch(function (e) {
      $('status').textContent = '加载失败：' + e.message;
    });
  }

  function totals(t) {
    var ul = $('totals');
    ul.textContent = '';
    STEPS.forEach(function (s) {
      var li = el('li', null, {'class': s.key, id: 'total-' + s.key, style: '--c:' + s.color});
      li.appendChild(el('span', t[s.field], {'class': 'n'}));
      li.appendChild(el('span', s.label));
      ul.appendChild(li);
    });
  }

  function table(dimension, groups) {
    var t = $(dimension.table);
    t.textContent = '';
    var head = el('tr');
    head.appendChild(el('th', dimension.head));
    STEPS.forEach(function (s) { head.appendChild(el('th', s.label)); });
    t.appendChild(head);
    if (!groups.length) {
      var none = el('tr');
      none.appendChild(el('td', '无', {colspan: STEPS.length + 1}));
      t.appendChild(none);
    }
    groups.forEach(function (g) {
      var tr = el('tr', null, {'data-key': g.key});
      tr.appendChild(el('td', g.name === g.key ? g.key : g.name + '（' + g.key + '）'));
      STEPS.forEach(function (s) {
        var td = el('td', null, {'class': 'num ' + s.key, 'data-step': s.key});
        var n = g.counts[s.field];
        if (n > 0) {
          var b = el('button', n, {type: 'button'});
          b.addEventListener('click', function () { drill(dimension, g, s); });
          td.appendChild(b);
        } else {
          td.textContent = '0';
        }
        tr.appendChild(td);
      });
      t.appendChild(tr);
    });
  }

  function chart(points) {
    var box = $('chart');
    box.textContent = '';
    var W = 900, H = 260, L = 40, B = 24, T = 10, R = 24;
    var max = 1;
    var lines = STEPS.filter(function (s) { return s.key !== 'OVERDUE'; });
    points.forEach(function (p) { lines.forEach(function (s) { max = Math.max(max, p[s.field]); }); });
    var n = Math.max(points.length - 1, 1);
    function x(i) { return L + (W - L - R) * (points.length === 1 ? 0.5 : i / n); }
    function y(v) { return H - B - (H - B - T) * v / max; }
    [0, 0.5, 1].forEach(function (f) {
      var v = Math.round(max * f);
      box.appendChild(svg('line', {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e0e0e0'}));
      var label = svg('text', {x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#666'});
      label.textContent = v;
      box.appendChild(label);
    });
    var every = Math.max(1, Math.ceil(points.length / 8));
    points.forEach(function (p, i) {
      if (i % every === 0) {
        var t = svg('text', {x: x(i), y: H - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#666'});
        t.textContent = p.start.substring(5);
        box.appendChild(t);
      }
    });
    lines.forEach(function (s) {
      var d = points.map(function (p, i) { return (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(p[s.field]).toFixed(1); });
      if (d.length) {
        box.appendChild(svg('path', {d: d.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2,
          'data-step': s.key, 'vector-effect': 'non-scaling-stroke'}));
      }
      points.forEach(function (p, i) {
        if (p[s.field] > 0) {
          var c = svg('circle', {cx: x(i), cy: y(p[s.field]), r: 3, fill: s.color});
          var title = svg('title', {});
          title.textContent = p.start + ' ' + s.label + ' ' + p[s.field];
          c.appendChild(title);
          box.appendChild(c);
        }
      });
    });
    var legend = $('legend');
    legend.textContent = '';
    lines.forEach(function (s) {
      var span = el('span', s.label);
      span.insertBefore(el('i', null, {style: 'background:' + s.color}), span.firstChild);
      legend.appendChild(span);
    });
  }

  function drill(dimension, group, step) {
    var p = filters();
    p.set(dimension.key, group.key);
    p.set('step', step.key);
    p.set('limit', '200');
    $('drill').hidden = false;
    $('loop').hidden = true;
    $('drill-title').textContent = dimension.head + ' ' + group.name + ' · ' + step.label;
    var t = $('tasks');
    t.textContent = '';
    get(API + 'tasks?' + p).then(function (tasks) {
      var head = el('tr');
      ['对象', '名单类型', '认定部门', '实施单位', '措施', '状态', '响应期限', '发起时间'].forEach(function (h) {
        head.appendChild(el('th', h));
      });
      t.appendChild(head);
      tasks.forEach(function (task) {
        var tr = el('tr', null, {'class': 'task' + (task.overdue ? ' late' : ''), 'data-task-id': task.taskId,
          'data-listing-id': task.listingId});
        [task.subjectName || '', task.listTypeName || task.listTypeCode, task.department || '', task.agencyCode,
          task.measure, (STATES[task.state] || task.state) + (task.overdue ? '（逾期）' : ''), task.respondBy || '',
          day(task.initiatedAt)].forEach(function (v) { tr.appendChild(el('td', v)); });
        tr.addEventListener('click', function () { loop(task); });
        t.appendChild(tr);
      });
      $('drill').scrollIntoView();
    }).catch(function (e) { $('drill-title').textContent = '加载失败：' + e.message; });
  }

  function loop(task) {
    get('/api/sanction/listings/' + encodeURIComponent(task.listingId) + '/loop').then(function (l) {
      $('loop').hidden = false;
      $('loop-title').textContent = '闭环详情：' + (task.subjectName || task.listingId) + ' · '
          + (STATES[l.state] || l.state);
      var t = $('loop-tasks');
      t.textContent = '';
      var head = el('tr');
      ['实施单位', '措施', '状态', '响应期限', '发起', '响应', '实施', '反馈', '实施情况'].forEach(function (h) {
        head.appendChild(el('th', h));
      });
      t.appendChild(head);
      l.tasks.forEach(function (x) {
        var tr = el('tr', null, {'class': 'loop-task' + (x.overdue ? ' late' : ''), 'data-task-id': x.taskId});
        var result = [x.businessItem, x.amount != null ? '金额 ' + x.amount + ' 元' : null, x.explanation]
          .filter(function (v) { return v; }).join('；');
        [x.agencyCode, x.measure, (STATES[x.state] || x.state) + (x.overdue ? '（逾期）' : ''), x.respondBy || '',
          day(x.initiatedAt), day(x.respondedAt), day(x.implementedAt), day(x.fedBackAt), result]
          .forEach(function (v) { tr.appendChild(el('td', v)); });
        t.appendChild(tr);
      });
      $('loop').scrollIntoView();
    }).catch(function (e) { $('loop-title').textContent = '加载失败：' + e.message; });
  }

  var query = new URLSearchParams(location.search);
  ['from', 'to', 'department', 'listType', 'agency', 'bucket'].forEach(function (k) {
    if (query.get(k)) { $(k).value = query.get(k); }
  });
  var lastMonth = new Date();
  lastMonth.setDate(1);
  lastMonth.setMonth(lastMonth.getMonth() - 1);
  $('month').value = lastMonth.toISOString().substring(0, 7);
  $('report').addEventListener('click', function (e) {
    e.preventDefault();
    if ($('month').value) { location.href = '/api/sanction/reports/monthly/' + $('month').value + '.xlsx'; }
  });
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    fetch('/auth/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: $('username').value, password: $('password').value})})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function (t) {
        sessionStorage.setItem(TOKEN_KEY, t.access_token);
        $('password').value = '';
        $('login').hidden = true;
        load();
      })
      .catch(function () { $('login-status').textContent = '登录失败'; });
  });
  load();
})();
