// The 调度 panels: completion against 时序进度, the 三个一批 campaign and the 月报未报情况 (未报清单).
import {COLORS, api, axisStyle, baseOption, byTestId, chartIn, escapeHtml, focusDistrict, fontSize, num, percent,
  state, yi} from './view.js';

export const UNREPORTED_ROWS = 8;

// ---------------------------------------------------------------------------------------------------------------
// Completion against 时序进度: the selection's total against its annual plans and its target, and its groups (the
// categories of one district, the districts of a wider selection) worst first; the API says which lag behind.

/** The groups the completion panel compares: one district's categories, or the districts of a wider scope. */
export function completionBy() {
  return focusDistrict() ? 'category' : 'district';
}

export function rateText(v) {
  return v === null || v === undefined ? '—' : Number(v).toFixed(1) + '%';
}

export function hasGoal(r) {
  return (r.plan !== null && r.plan !== undefined) || (r.target !== null && r.target !== undefined);
}

/** The lower of a group's plan and target completion rates (the one that decides whether it lags). */
export function worstRate(r) {
  const rates = [r.planRate, r.targetRate].filter(v => v !== null && v !== undefined).map(Number);
  return rates.length ? Math.min(...rates) : Infinity;
}

export function renderCompletion() {
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

export async function loadCampaign() {
  const known = await api('/api/reports/campaigns', {district: state.district});
  const items = known.items || [];
  const pick = items.find(c => c.count > 0) || items[0];
  return pick ? api(`/api/reports/campaigns/${encodeURIComponent(pick.id)}`, {district: state.district})
      : {id: null, lists: [], districts: []};
}

export function renderCampaign() {
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
export function renderUnreported() {
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
