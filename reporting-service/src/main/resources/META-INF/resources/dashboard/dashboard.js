// The leaders' dashboard: KPI cards and ECharts charts over reporting-service's report API.
// Every KPI and chart container carries data-testid and, once drawn, the figures it shows in data-value (amounts
// in 万元 as the API sends them), so a test can compare the page with the API.
import {Auth, LoginRedirect} from './auth.js';

const REFRESH_EVERY_MS = 60_000;
const UNREPORTED_ROWS = 8;
const STAGES = ['RESERVE', 'DECLARED', 'ADMITTED', 'STARTED', 'IN_PRODUCTION'];
const ITEM_LABELS = {
  PROJECT_FILING: '项目立项（审批/核准/备案）',
  LAND_PRE_APPROVAL: '用地预审与选址',
  LAND_PLANNING_PERMIT: '建设用地规划许可',
  EIA_REPORT: '环评报告书审批',
  EIA_REPORT_FORM: '环评报告表审批',
  CONSTRUCTION_PERMIT: '施工许可'
};
const COLORS = {
  bar: '#3ba4ff',
  line: '#ffc53d',
  up: '#ff6b6b',
  down: '#36cfc9',
  highlight: '#ff9c3b',
  lag: '#ff4d4f',
  target: '#61ddaa',
  text: '#d6e4ff',
  muted: '#8aa0c8',
  grid: 'rgba(138, 160, 200, 0.18)',
  funnel: ['#5b8ff9', '#61ddaa', '#65789b', '#f6bd16', '#7262fd'],
  pie: ['#3ba4ff', '#ffc53d', '#ff6b6b', '#36cfc9', '#9254de', '#73d13d', '#ff9c3b', '#597ef7']
};

const $ = sel => document.querySelector(sel);
const byTestId = id => document.querySelector(`[data-testid="${id}"]`);

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const state = {
  config: null,
  auth: null,
  claims: {},
  scope: null,       // the user's district claim, e.g. 4101 or 410106
  cityLevel: false,  // the claim is a prefix of several districts
  year: null,
  month: null,
  district: '',      // '' = the user's whole scope
  data: {},
  errors: {},
  charts: {},
  loading: null
};

// ---------------------------------------------------------------------------------------------------------------
// Formatting

function num(v) {
  return v === null || v === undefined || v === '' ? null : Number(v);
}

function yi(wan, yiFromApi) {
  if (yiFromApi !== null && yiFromApi !== undefined) {
    return Number(yiFromApi).toFixed(1);
  }
  return wan === null || wan === undefined ? '—' : (Number(wan) / 10000).toFixed(1);
}

function percent(v, signed) {
  if (v === null || v === undefined) {
    return '—';
  }
  const n = Number(v);
  return (signed && n > 0 ? '+' : '') + n.toFixed(1) + '%';
}

function periodLabel(month) {
  return `1-${month}月`;
}

function districtLabel(code) {
  if (!code) {
    return '';
  }
  const d = state.config.districts.find(x => x.code === code);
  if (d) {
    return d.label;
  }
  return code.length < 6 ? `全市（${code}）` : code;
}

function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

/** Base font size in px, following the root font size that CSS scales with the viewport. */
function fontSize(factor = 1) {
  return Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * factor);
}

// ---------------------------------------------------------------------------------------------------------------
// API

async function api(path, params = {}) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== '') {
      q.set(k, v);
    }
  });
  const token = await state.auth.token();
  const r = await fetch(path + (q.toString() ? '?' + q : ''), {
    headers: {Authorization: 'Bearer ' + token, Accept: 'application/json'}
  });
  if (r.status === 401) {
    await state.auth.login();
  }
  if (r.status === 403) {
    const detail = await problemDetail(r);
    throw new ApiError(403, '无权查看该数据：您的账号没有访问此报表或此区县的权限' + (detail ? `（${detail}）` : ''));
  }
  if (!r.ok) {
    const detail = await problemDetail(r);
    throw new ApiError(r.status, `数据加载失败（HTTP ${r.status}）` + (detail ? `：${detail}` : ''));
  }
  return r.json();
}

async function problemDetail(r) {
  try {
    const p = await r.json();
    return p.detail || p.title || '';
  } catch (e) {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Selection (year, month, district), kept in the address bar so a wall screen can be bookmarked

function defaultPeriod() {
  // The latest month with data is the previous one; January has no report of its own (the first period is 1-2月).
  const [y, m] = state.config.today.split('-').map(Number);
  return m - 1 >= 2 ? {year: y, month: m - 1} : {year: y - 1, month: 12};
}

function maxMonth(year) {
  const [y, m] = state.config.today.split('-').map(Number);
  return year < y ? 12 : Math.max(2, m - 1);
}

function readSelection() {
  const p = new URLSearchParams(location.search);
  const d = defaultPeriod();
  state.year = Number(p.get('year')) || d.year;
  state.month = Number(p.get('month')) || (state.year === d.year ? d.month : maxMonth(state.year));
  state.month = Math.min(Math.max(state.month, 2), 12);
  const district = p.get('district') || '';
  state.district = state.cityLevel && district.startsWith(state.scope) ? district : '';
}

function writeSelection() {
  const p = new URLSearchParams({year: state.year, month: state.month});
  if (state.district) {
    p.set('district', state.district);
  }
  history.replaceState(null, '', location.pathname + '?' + p);
}

function fillSelectors() {
  const [thisYear] = state.config.today.split('-').map(Number);
  const years = byTestId('select-year');
  years.innerHTML = '';
  for (let y = thisYear; y >= thisYear - 4; y--) {
    years.add(new Option(`${y}年`, y, false, y === state.year));
  }
  if (![...years.options].some(o => Number(o.value) === state.year)) {
    years.add(new Option(`${state.year}年`, state.year, false, true));
  }
  fillMonths();
  if (state.cityLevel) {
    const sel = byTestId('select-district');
    sel.innerHTML = '';
    sel.add(new Option('全部区县', '', false, state.district === ''));
    state.config.districts.filter(d => d.code.startsWith(state.scope))
        .forEach(d => sel.add(new Option(d.label, d.code, false, d.code === state.district)));
    byTestId('district-filter').hidden = false;
  }
}

function fillMonths() {
  const months = byTestId('select-month');
  months.innerHTML = '';
  const last = Math.max(maxMonth(state.year), state.month);
  for (let m = 2; m <= last; m++) {
    months.add(new Option(periodLabel(m), m, false, m === state.month));
  }
}

function bindSelectors() {
  byTestId('select-year').addEventListener('change', e => {
    state.year = Number(e.target.value);
    state.month = Math.min(state.month, maxMonth(state.year));
    fillMonths();
    selectionChanged();
  });
  byTestId('select-month').addEventListener('change', e => {
    state.month = Number(e.target.value);
    selectionChanged();
  });
  byTestId('select-district').addEventListener('change', e => {
    state.district = e.target.value;
    selectionChanged();
  });
}

function selectionChanged() {
  writeSelection();
  load();
}

// ---------------------------------------------------------------------------------------------------------------
// Loading: every report at once; one failing report shows its message in its panel and leaves the others

const REPORTS = {
  investment: () => api('/api/reports/investment',
      {year: state.year, month: state.month, district: state.district, by: 'district'}),
  monthly: () => api('/api/reports/investment/monthly', {year: state.year, district: state.district}),
  rankings: () => api('/api/reports/rankings', {year: state.year, month: state.month}),
  pipeline: () => api('/api/reports/pipeline', {district: state.district}),
  approvals: () => api('/api/reports/approvals', {district: state.district}),
  problems: () => api('/api/reports/problems', {district: state.district}),
  completion: () => api('/api/reports/investment',
      {year: state.year, month: state.month, district: state.district, by: completionBy()}),
  campaign: () => loadCampaign(),
  unreported: () => api('/api/reports/unreported/summary',
      {year: state.year, month: state.month, district: state.district}),
  unreportedList: () => api('/api/reports/unreported',
      {year: state.year, month: state.month, district: state.district, size: UNREPORTED_ROWS})
};

async function load() {
  // A newer selection wins over a load still under way.
  const token = {};
  state.loading = token;
  document.body.dataset.state = 'loading';
  const names = Object.keys(REPORTS);
  const results = await Promise.allSettled(names.map(n => REPORTS[n]()));
  if (state.loading !== token) {
    return;
  }
  if (results.some(r => r.status === 'rejected' && r.reason instanceof LoginRedirect)) {
    return;
  }
  state.data = {};
  state.errors = {};
  names.forEach((n, i) => {
    if (results[i].status === 'fulfilled') {
      state.data[n] = results[i].value;
    } else {
      state.errors[n] = results[i].reason;
    }
  });
  renderAll();
  byTestId('updated-at').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN', {hour12: false});
  const forbidden = Object.values(state.errors).find(e => e.status === 403);
  showMessage(forbidden ? forbidden.message : null);
  document.body.dataset.state = Object.keys(state.errors).length ? 'partial' : 'ready';
  document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
}

function showMessage(text, kind = 'warn') {
  const box = byTestId('message');
  box.hidden = !text;
  box.textContent = text || '';
  box.dataset.kind = kind;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

function renderAll() {
  byTestId('period-label').textContent = `${state.year}年${periodLabel(state.month)}` +
      (state.district ? ` · ${districtLabel(state.district)}` : '');
  renderKpis();
  renderMonthly();
  renderRanking();
  renderPipeline();
  renderApprovals();
  renderProblems();
  renderCompletion();
  renderCampaign();
  renderUnreported();
}

function setKpi(id, value, text, note, tone) {
  const el = byTestId(id);
  el.dataset.value = value === null || value === undefined ? '' : String(value);
  el.querySelector('.kpi-value').textContent = text;
  el.querySelector('.kpi-note').textContent = note || '';
  el.dataset.tone = tone || '';
}

function kpiError(id, error) {
  const el = byTestId(id);
  delete el.dataset.value;
  el.querySelector('.kpi-value').textContent = '—';
  el.querySelector('.kpi-note').textContent = error.status === 403 ? '无权查看' : '暂无数据';
  el.dataset.tone = 'error';
}

/** The district the KPIs describe: the selected one, or the user's own when they are a district user. */
function focusDistrict() {
  if (state.district) {
    return state.district;
  }
  return state.scope && state.scope.length === 6 ? state.scope : null;
}

function renderKpis() {
  byTestId('kpi-ytd').querySelector('.kpi-period').textContent = periodLabel(state.month) + ' ';
  const inv = state.data.investment;
  if (inv) {
    const t = inv.total;
    setKpi('kpi-ytd', t.ytd, `${yi(t.ytd, t.ytdYi)}亿元`, `${inv.periodLabel || periodLabel(state.month)} 累计`);
    const growth = num(t.growth);
    setKpi('kpi-growth', t.growth, percent(t.growth, true),
        t.base === null || t.base === undefined ? '上年同期无数据' : `上年同期 ${yi(t.base)}亿元`,
        growth === null ? '' : growth >= 0 ? 'up' : 'down');
  } else {
    kpiError('kpi-ytd', state.errors.investment);
    kpiError('kpi-growth', state.errors.investment);
  }

  const focus = focusDistrict();
  const rk = state.data.rankings;
  if (!focus) {
    const n = rk ? rk.rows.length : 0;
    setKpi('kpi-rank', null, '—', n ? `选择区县查看排名（共${n}个区县）` : '选择区县查看排名');
  } else if (rk) {
    const row = rk.rows.find(r => r.district === focus);
    if (row && row.rank !== null && row.rank !== undefined) {
      const parts = (row.groups || []).map(g => `${g.label}第${g.rank}`);
      parts.push(`全市第${row.rank}`);
      setKpi('kpi-rank', row.rank, parts.join(' / '), `${districtLabel(focus)} · 共${rk.rows.length}个区县`);
      byTestId('kpi-rank').dataset.groups = JSON.stringify((row.groups || []).map(g => ({group: g.group, rank: g.rank})));
    } else {
      setKpi('kpi-rank', null, '—', '本期无增速，不参与排名');
    }
  } else {
    kpiError('kpi-rank', state.errors.rankings);
  }

  const ap = state.data.approvals;
  if (ap) {
    setKpi('kpi-overdue', ap.overdueCount, `${ap.overdueCount}件`,
        `未办结 ${ap.departments.reduce((s, d) => s + (d.open || 0), 0)} 件`, ap.overdueCount > 0 ? 'alert' : '');
  } else {
    kpiError('kpi-overdue', state.errors.approvals);
  }

  const pr = state.data.problems;
  if (pr) {
    setKpi('kpi-problems', pr.open, `${pr.open}个`, `其中超期 ${pr.overdue} 个 · 累计 ${pr.logged} 个`,
        pr.overdue > 0 ? 'alert' : '');
    setKpi('kpi-resolution', pr.resolutionRate, percent(pr.resolutionRate, false), `已解决 ${pr.resolved} / ${pr.logged}`);
  } else {
    kpiError('kpi-problems', state.errors.problems);
    kpiError('kpi-resolution', state.errors.problems);
  }
}

/** The chart of a container, created on first use; an error replaces the chart with a message. */
function chartIn(id, error) {
  const el = byTestId(id);
  let note = el.parentElement.querySelector(`.panel-note[data-for="${id}"]`);
  if (error) {
    if (state.charts[id]) {
      state.charts[id].dispose();
      delete state.charts[id];
    }
    delete el.dataset.value;
    el.classList.add('failed');
    if (!note) {
      note = document.createElement('div');
      note.className = 'panel-note';
      note.dataset.for = id;
      el.after(note);
    }
    note.textContent = error.message || '数据加载失败';
    return null;
  }
  el.classList.remove('failed');
  if (note) {
    note.remove();
  }
  if (!state.charts[id]) {
    state.charts[id] = echarts.init(el, null, {renderer: 'canvas'});
    // The grid decides each panel's size: follow it (window resizes, a message appearing, the table filling).
    new ResizeObserver(() => state.charts[id] && state.charts[id].resize()).observe(el);
  }
  return state.charts[id];
}

function baseOption() {
  const fs = fontSize(0.9);
  return {
    backgroundColor: 'transparent',
    textStyle: {color: COLORS.text, fontSize: fs, fontFamily: getComputedStyle(document.body).fontFamily},
    tooltip: {textStyle: {fontSize: fs}, confine: true},
    legend: {textStyle: {color: COLORS.text, fontSize: fs}, itemWidth: fs * 1.6, itemHeight: fs * 0.8, top: 0},
    animationDuration: 400
  };
}

function axisStyle() {
  const fs = fontSize(0.85);
  return {
    axisLabel: {color: COLORS.muted, fontSize: fs},
    axisLine: {lineStyle: {color: COLORS.grid}},
    splitLine: {lineStyle: {color: COLORS.grid}},
    nameTextStyle: {color: COLORS.muted, fontSize: fs}
  };
}

function renderMonthly() {
  const chart = chartIn('chart-monthly', state.errors.monthly);
  if (!chart) {
    return;
  }
  const months = state.data.monthly.months || [];
  const fs = fontSize(0.85);
  chart.setOption({
    ...baseOption(),
    grid: {left: fs * 4, right: fs * 4, top: fs * 3.2, bottom: fs * 2.2},
    tooltip: {
      ...baseOption().tooltip, trigger: 'axis',
      formatter: ps => {
        const m = months[ps[0].dataIndex];
        return `${escapeHtml(m.periodLabel)}<br>累计投资：${yi(m.ytd, m.ytdYi)}亿元（${m.ytd}万元）` +
            `<br>同比增长：${percent(m.growth, true)}`;
      }
    },
    legend: {...baseOption().legend, data: ['累计投资（亿元）', '同比增长（%）']},
    xAxis: {type: 'category', data: months.map(m => m.periodLabel), ...axisStyle(), splitLine: {show: false}},
    yAxis: [
      {type: 'value', name: '亿元', ...axisStyle()},
      {type: 'value', name: '%', ...axisStyle(), splitLine: {show: false}}
    ],
    series: [
      {
        name: '累计投资（亿元）', type: 'bar', barMaxWidth: '40%',
        data: months.map(m => ({
          value: num(m.ytd) === null ? null : Number(yi(m.ytd, m.ytdYi)),
          itemStyle: {color: m.month === state.month ? COLORS.highlight : COLORS.bar}
        })),
        label: {show: true, position: 'top', color: COLORS.text, fontSize: fs}
      },
      {
        name: '同比增长（%）', type: 'line', yAxisIndex: 1, smooth: true, symbolSize: fs * 0.6,
        lineStyle: {width: Math.max(2, fs / 6), color: COLORS.line}, itemStyle: {color: COLORS.line},
        data: months.map(m => num(m.growth)),
        label: {show: true, position: 'top', color: COLORS.line, fontSize: fs, formatter: p => percent(p.value, true)}
      }
    ]
  }, true);
  byTestId('chart-monthly').dataset.value = JSON.stringify({
    months: months.map(m => m.month),
    ytd: months.map(m => num(m.ytd)),
    growth: months.map(m => num(m.growth))
  });
}

function renderRanking() {
  const chart = chartIn('chart-ranking', state.errors.rankings);
  if (!chart) {
    return;
  }
  const rows = [...(state.data.rankings.rows || [])]
      .sort((a, b) => (num(b.growth) ?? -Infinity) - (num(a.growth) ?? -Infinity));
  const focus = focusDistrict();
  const fs = fontSize(0.85);
  chart.setOption({
    ...baseOption(),
    grid: {left: fs * 0.5, right: fs * 4.5, top: fs * 0.5, bottom: fs * 0.5, containLabel: true},
    tooltip: {
      ...baseOption().tooltip, trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: ps => {
        const r = rows[ps[0].dataIndex];
        const groups = (r.groups || []).map(g => `${escapeHtml(g.label)}第${g.rank}`).join('，');
        return `${escapeHtml(r.label)}<br>同比增长：${percent(r.growth, true)}<br>累计投资：${yi(r.ytd, r.ytdYi)}亿元` +
            (r.rank ? `<br>全市第${r.rank}` : '') + (groups ? `，${groups}` : '');
      }
    },
    xAxis: {type: 'value', ...axisStyle(), axisLabel: {...axisStyle().axisLabel, formatter: '{value}%'}},
    yAxis: {
      type: 'category', inverse: true, data: rows.map(r => r.label), ...axisStyle(), splitLine: {show: false},
      axisLabel: {
        ...axisStyle().axisLabel, color: COLORS.text,
        formatter: (v, i) => (rows[i] && rows[i].district === focus ? `{focus|${v}}` : v),
        rich: {focus: {color: COLORS.highlight, fontWeight: 'bold', fontSize: fs}}
      }
    },
    series: [{
      type: 'bar', barMaxWidth: fs * 1.4,
      data: rows.map(r => ({
        value: num(r.growth),
        itemStyle: {
          color: r.district === focus ? COLORS.highlight : (num(r.growth) ?? 0) >= 0 ? COLORS.up : COLORS.down
        }
      })),
      label: {show: true, position: 'right', color: COLORS.text, fontSize: fs,
        formatter: p => percent(p.value, true)}
    }]
  }, true);
  byTestId('chart-ranking').dataset.value = JSON.stringify({
    districts: rows.map(r => r.district),
    growth: rows.map(r => num(r.growth))
  });
}

function renderPipeline() {
  const chart = chartIn('chart-pipeline', state.errors.pipeline);
  if (!chart) {
    return;
  }
  const stages = STAGES.map(s => state.data.pipeline.stages.find(x => x.stage === s)
      || {stage: s, label: s, count: 0, totalInvestment: 0});
  const fs = fontSize(0.9);
  const max = Math.max(1, ...stages.map(s => s.count));
  chart.setOption({
    ...baseOption(),
    color: COLORS.funnel,
    legend: {show: false},
    tooltip: {
      ...baseOption().tooltip, trigger: 'item',
      formatter: p => {
        const s = stages[p.dataIndex];
        return `${escapeHtml(s.label)}：${s.count}个项目<br>总投资：${yi(s.totalInvestment)}亿元（${s.totalInvestment}万元）`;
      }
    },
    series: [{
      type: 'funnel', sort: 'none', gap: fs * 0.2, min: 0, max,
      left: '5%', right: '5%', top: fs * 0.6, bottom: fs * 0.6, minSize: '42%', maxSize: '100%',
      funnelAlign: 'center',
      label: {
        show: true, position: 'inside', color: '#fff', fontSize: fs,
        formatter: p => `${stages[p.dataIndex].label}  ${stages[p.dataIndex].count}个 · ${yi(stages[p.dataIndex].totalInvestment)}亿元`
      },
      data: stages.map(s => ({name: s.label, value: s.count}))
    }]
  }, true);
  byTestId('chart-pipeline').dataset.value = JSON.stringify({
    stages: stages.map(s => s.stage),
    count: stages.map(s => s.count),
    totalInvestment: stages.map(s => num(s.totalInvestment))
  });
}

function renderApprovals() {
  const chart = chartIn('chart-approvals', state.errors.approvals);
  const body = byTestId('table-overdue').querySelector('tbody');
  if (!chart) {
    body.innerHTML = '';
    delete byTestId('table-overdue').dataset.value;
    return;
  }
  const ap = state.data.approvals;
  const deps = ap.departments || [];
  const fs = fontSize(0.85);
  chart.setOption({
    ...baseOption(),
    grid: {left: fs * 0.5, right: fs, top: fs * 3.4, bottom: fs * 0.3, containLabel: true},
    tooltip: {...baseOption().tooltip, trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {...baseOption().legend, data: ['超期', '办理中']},
    xAxis: {type: 'category', data: deps.map(d => d.label), ...axisStyle(), splitLine: {show: false},
      axisLabel: {...axisStyle().axisLabel, interval: 0, color: COLORS.text}},
    yAxis: {type: 'value', minInterval: 1, ...axisStyle()},
    series: [
      {name: '超期', type: 'bar', data: deps.map(d => d.overdue), itemStyle: {color: COLORS.up}, barMaxWidth: fs * 2,
        label: {show: true, position: 'top', color: COLORS.text, fontSize: fs}},
      {name: '办理中', type: 'bar', data: deps.map(d => d.open), itemStyle: {color: COLORS.bar}, barMaxWidth: fs * 2}
    ]
  }, true);
  byTestId('chart-approvals').dataset.value = JSON.stringify({
    departments: deps.map(d => d.department),
    overdue: deps.map(d => d.overdue),
    open: deps.map(d => d.open)
  });
  const top = [...(ap.overdue || [])].sort((a, b) => b.daysOverdue - a.daysOverdue).slice(0, 5);
  body.innerHTML = top.length ? top.map(t => `<tr data-task-id="${escapeHtml(t.taskId)}">
      <td title="${escapeHtml(t.code)}">${escapeHtml(t.name || t.code)}</td>
      <td>${escapeHtml(t.departmentLabel || t.department)}</td>
      <td>${escapeHtml(ITEM_LABELS[t.item] || t.item)}</td>
      <td>${escapeHtml(t.dueDate)}</td>
      <td class="days">${t.daysOverdue}天</td></tr>`).join('')
      : '<tr class="empty"><td colspan="5">无超期审批事项</td></tr>';
  byTestId('table-overdue').dataset.value = JSON.stringify(top.map(t => t.taskId));
}

function renderProblems() {
  const chart = chartIn('chart-problems', state.errors.problems);
  if (!chart) {
    return;
  }
  const pr = state.data.problems;
  const cats = (pr.byCategory || []).filter(c => c.logged > 0);
  const fs = fontSize(0.85);
  chart.setOption({
    ...baseOption(),
    color: COLORS.pie,
    title: {
      text: percent(pr.resolutionRate, false), subtext: '解决率', left: 'center', top: 'center',
      textStyle: {color: COLORS.text, fontSize: fs * 1.8, fontWeight: 'bold'},
      subtextStyle: {color: COLORS.muted, fontSize: fs}, itemGap: fs * 0.2
    },
    tooltip: {
      ...baseOption().tooltip, trigger: 'item',
      formatter: p => {
        const c = cats[p.dataIndex];
        return `${escapeHtml(c.label)}<br>待解决 ${c.open} 个（超期 ${c.overdue}）<br>已解决 ${c.resolved} / ${c.logged}，` +
            `解决率 ${percent(c.resolutionRate, false)}`;
      }
    },
    legend: {show: false},
    series: [{
      type: 'pie', radius: ['45%', '72%'], center: ['50%', '52%'], avoidLabelOverlap: true, stillShowZeroSum: false,
      label: {color: COLORS.text, fontSize: fs, formatter: p => `${cats[p.dataIndex].label}\n待解决${cats[p.dataIndex].open}`},
      labelLine: {length: fs * 0.6, length2: fs * 0.6},
      data: cats.map(c => ({name: c.label, value: c.open > 0 ? c.open : 0}))
    }]
  }, true);
  byTestId('chart-problems').dataset.value = JSON.stringify({
    categories: cats.map(c => c.key),
    open: cats.map(c => c.open),
    resolutionRate: num(pr.resolutionRate)
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Completion against 时序进度: the selection's total against its annual plans and its target, and its groups (the
// categories of one district, the districts of a wider selection) worst first; the API says which lag behind.

/** The groups the completion panel compares: one district's categories, or the districts of a wider scope. */
function completionBy() {
  return focusDistrict() ? 'category' : 'district';
}

function rateText(v) {
  return v === null || v === undefined ? '—' : Number(v).toFixed(1) + '%';
}

function hasGoal(r) {
  return (r.plan !== null && r.plan !== undefined) || (r.target !== null && r.target !== undefined);
}

/** The lower of a group's plan and target completion rates (the one that decides whether it lags). */
function worstRate(r) {
  const rates = [r.planRate, r.targetRate].filter(v => v !== null && v !== undefined).map(Number);
  return rates.length ? Math.min(...rates) : Infinity;
}

function renderCompletion() {
  const summary = byTestId('completion-summary');
  const laggingBox = byTestId('completion-lagging');
  const chart = chartIn('chart-completion', state.errors.completion);
  if (!chart) {
    summary.innerHTML = '';
    laggingBox.innerHTML = '';
    delete laggingBox.dataset.value;
    return;
  }
  const rep = state.data.completion;
  const progress = num(rep.timeProgress);
  const t = rep.total;
  const rate = (label, v) => v === null || v === undefined ? ''
      : ` · ${label} <b class="${Number(v) < progress ? 'lag' : ''}">${rateText(v)}</b>`;
  summary.innerHTML = `${escapeHtml(rep.periodLabel)} 时序进度 <b>${rateText(progress)}</b>` +
      rate('计划完成率', t.planRate) + rate('目标完成率', t.targetRate) +
      (hasGoal(t) ? '' : ' · 未设年度计划或目标任务') + (t.lagging ? ' · <b class="lag">滞后于时序进度</b>' : '');

  const rows = (rep.rows || []).filter(hasGoal).sort((a, b) => worstRate(a) - worstRate(b));
  const fs = fontSize(0.85);
  const color = (v, normal) => (v !== null && v !== undefined && Number(v) < progress ? COLORS.lag : normal);
  chart.setOption({
    ...baseOption(),
    title: rows.length ? {show: false} : {
      show: true, text: '暂无年度计划或目标任务', left: 'center', top: 'center',
      textStyle: {color: COLORS.muted, fontSize: fs, fontWeight: 'normal'}
    },
    grid: {left: fs * 0.5, right: fs * 3.5, top: fs * 3.6, bottom: fs * 0.5, containLabel: true},
    tooltip: {
      ...baseOption().tooltip, trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: ps => {
        const r = rows[ps[0].dataIndex];
        return `${escapeHtml(r.label)}<br>本年累计：${yi(r.ytd, r.ytdYi)}亿元` +
            (r.plan !== null && r.plan !== undefined
              ? `<br>年度计划：${yi(r.plan)}亿元，完成 ${rateText(r.planRate)}` : '') +
            (r.target !== null && r.target !== undefined
              ? `<br>目标任务：${yi(r.target)}亿元，完成 ${rateText(r.targetRate)}` : '') +
            `<br>时序进度：${rateText(progress)}` + (r.lagging ? '<br>滞后于时序进度' : '');
      }
    },
    legend: {...baseOption().legend, data: ['计划完成率', '目标完成率']},
    xAxis: {
      type: 'value', min: 0, max: v => Math.max(100, Math.ceil(v.max / 10) * 10), ...axisStyle(),
      axisLabel: {...axisStyle().axisLabel, formatter: '{value}%'}
    },
    yAxis: {
      type: 'category', inverse: true, data: rows.map(r => r.label), ...axisStyle(), splitLine: {show: false},
      axisLabel: {
        ...axisStyle().axisLabel, color: COLORS.text,
        formatter: (v, i) => (rows[i] && rows[i].lagging ? `{lag|${v}}` : v),
        rich: {lag: {color: COLORS.lag, fontWeight: 'bold', fontSize: fs}}
      }
    },
    series: [
      {
        name: '计划完成率', type: 'bar', barMaxWidth: fs * 1.2, itemStyle: {color: COLORS.bar},
        data: rows.map(r => ({value: num(r.planRate), itemStyle: {color: color(r.planRate, COLORS.bar)}})),
        label: {show: true, position: 'right', color: COLORS.text, fontSize: fs, formatter: p => rateText(p.value)},
        markLine: {
          symbol: 'none', silent: true, data: [{xAxis: progress}],
          lineStyle: {color: COLORS.line, type: 'dashed', width: Math.max(2, fs / 6)},
          // the category axis runs top down, so the line starts at the top of the grid
          label: {formatter: `时序进度 ${rateText(progress)}`, color: COLORS.line, fontSize: fs, position: 'start'}
        }
      },
      {
        name: '目标完成率', type: 'bar', barMaxWidth: fs * 1.2, itemStyle: {color: COLORS.target},
        data: rows.map(r => ({value: num(r.targetRate), itemStyle: {color: color(r.targetRate, COLORS.target)}})),
        label: {show: true, position: 'right', color: COLORS.text, fontSize: fs, formatter: p => rateText(p.value)}
      }
    ]
  }, true);
  const lagging = rows.filter(r => r.lagging);
  laggingBox.innerHTML = !rows.length ? '' : lagging.length
      ? '滞后分组：' + lagging.map(r => `<span class="lag-chip" data-key="${escapeHtml(r.key)}">` +
          `${escapeHtml(r.label)} ${rateText(worstRate(r))}</span>`).join('')
      : '各分组均不低于时序进度';
  laggingBox.dataset.value = JSON.stringify(lagging.map(r => r.key));
  byTestId('chart-completion').dataset.value = JSON.stringify({
    by: rep.by,
    timeProgress: progress,
    total: {plan: num(t.plan), planRate: num(t.planRate), target: num(t.target), targetRate: num(t.targetRate),
      lagging: !!t.lagging},
    groups: rows.map(r => r.key),
    planRate: rows.map(r => num(r.planRate)),
    targetRate: rows.map(r => num(r.targetRate)),
    lagging: lagging.map(r => r.key)
  });
}

// 三个一批: the campaign with the latest due date that has projects in the selection (else the latest one)

async function loadCampaign() {
  const known = await api('/api/reports/campaigns', {district: state.district});
  const items = known.items || [];
  const pick = items.find(c => c.count > 0) || items[0];
  return pick ? api(`/api/reports/campaigns/${encodeURIComponent(pick.id)}`, {district: state.district})
      : {id: null, lists: [], districts: []};
}

function renderCampaign() {
  const error = state.errors.campaign;
  const report = state.data.campaign;
  const body = byTestId('table-campaign').querySelector('tbody');
  byTestId('campaign-name').textContent = report && report.id ? `${report.name}（截止 ${report.dueDate}）` : '';
  const chart = chartIn('chart-campaign', error || (report.id ? null : {message: '暂无三个一批活动'}));
  if (!chart) {
    body.innerHTML = '';
    byTestId('chart-campaign').dataset.value = JSON.stringify({id: null});
    return;
  }
  const lists = report.lists;
  const fs = fontSize(0.85);
  chart.setOption({
    ...baseOption(),
    grid: {left: fs * 0.5, right: fs, top: fs * 3.4, bottom: fs * 0.3, containLabel: true},
    tooltip: {
      ...baseOption().tooltip, trigger: 'axis', axisPointer: {type: 'shadow'},
      formatter: ps => {
        const l = lists[ps[0].dataIndex];
        return `${escapeHtml(l.label)}：${l.count}个，${yi(l.amount)}亿元<br>截止日期前完成 ${l.done} 个` +
            `（按${escapeHtml(l.dateLabel)}），完成率 ${percent(l.rate, false)}`;
      }
    },
    legend: {...baseOption().legend, data: ['已完成', '未完成']},
    xAxis: {type: 'category', data: lists.map(l => l.label), ...axisStyle(), splitLine: {show: false},
      axisLabel: {...axisStyle().axisLabel, interval: 0, color: COLORS.text}},
    yAxis: {type: 'value', minInterval: 1, ...axisStyle()},
    series: [
      {name: '已完成', type: 'bar', stack: 'all', data: lists.map(l => l.done), itemStyle: {color: COLORS.down},
        barMaxWidth: fs * 3},
      {name: '未完成', type: 'bar', stack: 'all', data: lists.map(l => l.count - l.done),
        itemStyle: {color: COLORS.bar}, barMaxWidth: fs * 3,
        label: {show: true, position: 'top', color: COLORS.text, fontSize: fs,
          formatter: p => percent(lists[p.dataIndex].rate, false)}}
    ]
  }, true);
  const focus = focusDistrict();
  const cell = l => (l.count ? `${l.done}/${l.count}` : '—');
  body.innerHTML = report.districts.length ? report.districts.map(d => `<tr data-district="${escapeHtml(d.district)}"
      class="${d.district === focus ? 'focus' : ''}"><td>${d.rank}</td><td>${escapeHtml(d.label)}</td>
      ${d.lists.map(l => `<td title="${escapeHtml(l.label)}">${cell(l)}</td>`).join('')}
      <td>${percent(d.rate, false)}</td></tr>`).join('')
      : '<tr class="empty"><td colspan="6">所选范围内无项目</td></tr>';
  byTestId('chart-campaign').dataset.value = JSON.stringify({
    id: report.id,
    lists: lists.map(l => l.list),
    count: lists.map(l => l.count),
    done: lists.map(l => l.done),
    rate: lists.map(l => num(l.rate)),
    districts: report.districts.map(d => d.district),
    districtRate: report.districts.map(d => num(d.rate))
  });
}

/** 月报未报情况: the period's counts per district (most overdue first) and the worst projects of the selection. */
function renderUnreported() {
  const total = byTestId('unreported-total');
  const districts = byTestId('table-unreported-districts');
  const projects = byTestId('table-unreported');
  const error = state.errors.unreported || state.errors.unreportedList;
  if (error) {
    total.textContent = error.status === 403 ? '无权查看' : (error.message || '数据加载失败');
    total.dataset.tone = 'error';
    [total, districts, projects].forEach(el => delete el.dataset.value);
    districts.querySelector('tbody').innerHTML = '';
    projects.querySelector('tbody').innerHTML = '';
    return;
  }
  const sum = state.data.unreported;
  const list = state.data.unreportedList;
  byTestId('unreported-period').textContent = sum.periodLabel + (list.deadline ? ` · 截止 ${list.deadline}` : '');
  const t = sum.total;
  total.textContent = `应报 ${t.owing} 个 · 未报 ${t.unreported} 个 · 逾期未报 ${t.overdue} 个`;
  total.dataset.tone = t.overdue > 0 ? 'alert' : '';
  total.dataset.value = JSON.stringify(t);

  const rows = sum.rows.filter(r => r.owing > 0)
      .sort((a, b) => b.overdue - a.overdue || b.unreported - a.unreported || a.district.localeCompare(b.district))
      .slice(0, UNREPORTED_ROWS);
  districts.querySelector('tbody').innerHTML = rows.length
    ? rows.map(r => `<tr data-district="${escapeHtml(r.district)}">
      <td title="截止 ${escapeHtml(r.deadline)}">${escapeHtml(r.label)}</td>
      <td class="num">${r.owing}</td><td class="num">${r.unreported}</td>
      <td class="num days">${r.overdue}</td></tr>`).join('')
      : '<tr class="empty"><td colspan="4">本期无应报项目</td></tr>';
  districts.dataset.value = JSON.stringify(rows.map(r => r.district));

  const items = list.items || [];
  projects.querySelector('tbody').innerHTML = items.length
    ? items.map(i => `<tr data-project-id="${escapeHtml(i.projectId)}">
      <td title="${escapeHtml(i.code)}">${escapeHtml(i.name || i.code)}</td>
      <td>${escapeHtml(i.districtLabel || i.district)}</td>
      <td>${escapeHtml(i.leader || '—')}</td>
      <td>${escapeHtml(i.deadline)}</td>
      <td class="days">${i.overdue ? i.daysOverdue + '天' : '未到期'}</td></tr>`).join('')
      : '<tr class="empty"><td colspan="5">本期项目均已填报</td></tr>';
  projects.dataset.value = JSON.stringify(items.map(i => i.projectId));
}

function renderHeader() {
  const c = state.claims;
  const name = c.name || [c.family_name, c.given_name].filter(Boolean).join('') || c.preferred_username || '';
  byTestId('user-name').textContent = name + (c.preferred_username && name !== c.preferred_username
      ? `（${c.preferred_username}）` : '');
  byTestId('user-scope').textContent = state.scope ? '范围：' + districtLabel(state.scope) : '范围：全部';
  byTestId('user-scope').dataset.value = state.scope || '';
}

// ---------------------------------------------------------------------------------------------------------------
// Start

function resizeCharts() {
  // Font sizes follow the viewport: draw again from the data already loaded, then fit each canvas.
  Object.values(state.charts).forEach(c => c.resize());
  if (Object.keys(state.data).length || Object.keys(state.errors).length) {
    renderAll();
  }
}

async function main() {
  const r = await fetch('config.json', {headers: {Accept: 'application/json'}});
  if (!r.ok) {
    throw new Error(`看板配置加载失败（HTTP ${r.status}）`);
  }
  state.config = await r.json();
  state.auth = new Auth(state.config);
  await state.auth.start();

  state.claims = state.auth.claims();
  state.scope = state.claims.district || null;
  const roles = (state.claims.realm_access && state.claims.realm_access.roles) || [];
  state.cityLevel = roles.includes('admin') || (!!state.scope && state.scope.length < 6);
  if (roles.includes('admin') && !state.scope) {
    state.scope = '';
  }
  renderHeader();
  readSelection();
  fillSelectors();
  bindSelectors();
  writeSelection();
  byTestId('logout').addEventListener('click', e => {
    e.preventDefault();
    state.auth.logout();
  });

  let timer = null;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(resizeCharts, 150);
  });
  setInterval(() => {
    if (!document.hidden) {
      load();
    }
  }, REFRESH_EVERY_MS);
  await load();
}

main().catch(e => {
  if (e instanceof LoginRedirect) {
    return;
  }
  console.error(e);
  showMessage(e.message || String(e), 'error');
  document.body.dataset.state = 'error';
});
