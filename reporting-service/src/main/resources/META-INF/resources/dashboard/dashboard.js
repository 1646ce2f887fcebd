// The leaders' dashboard: KPI cards and ECharts charts over reporting-service's report API.
// Every KPI and chart container carries data-testid and, once drawn, the figures it shows in data-value (amounts
// in 万元 as the API sends them), so a test can compare the page with the API.
import {LoginRedirect, Session} from './session.js';
import {COLORS, api, axisStyle, baseOption, byTestId, chartIn, districtLabel, escapeHtml, focusDistrict, fontSize, num,
  percent, periodLabel, state, yi} from './view.js';
import {WARNING_REPORTS, renderWarnings} from './warnings.js';
import {UNREPORTED_ROWS, completionBy, loadCampaign, renderCampaign, renderCompletion, renderUnreported}
  from './dispatch.js';

const REFRESH_EVERY_MS = 60_000;
const STAGES = ['RESERVE', 'DECLARED', 'ADMITTED', 'STARTED', 'IN_PRODUCTION'];
const ITEM_LABELS = {
  PROJECT_FILING: '项目立项（审批/核准/备案）',
  LAND_PRE_APPROVAL: '用地预审与选址',
  LAND_PLANNING_PERMIT: '建设用地规划许可',
  EIA_REPORT: '环评报告书审批',
  EIA_REPORT_FORM: '环评报告表审批',
  CONSTRUCTION_PERMIT: '施工许可'
};

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
      {year: state.year, month: state.month, district: state.district, size: UNREPORTED_ROWS}),
  ...WARNING_REPORTS
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
  renderWarnings();
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

function renderHeader() {
  byTestId('user-name').textContent = state.user.username || '';
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
  state.session = new Session();
  await state.session.start();
  const r = await state.session.get('config.json');
  if (!r.ok) {
    throw new Error(`看板配置加载失败（HTTP ${r.status}）`);
  }
  state.config = await r.json();

  state.user = state.session.user;
  state.scope = state.user.district || null;
  const roles = state.user.roles || [];
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
    state.session.logout();
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
