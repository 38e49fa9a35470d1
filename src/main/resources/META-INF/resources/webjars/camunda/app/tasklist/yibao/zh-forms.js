/*
 * yibao-flow: Chinese for what Tasklist's translation files cannot reach (issue 15, item 7). Loaded by
 * scripts/config.js (customScripts) as an ES module.
 *  - form-js (Camunda Forms) writes its validation messages, the "Select"/"Search" placeholders and the
 *    flatpickr date picker in English; they are translated in place as they appear.
 *  - Tasklist shows a task's and a start form's tenant id (the region id, "huaibei") as it is: the region's
 *    Chinese name is shown instead (the same names as the supervision page's, supervision/common.js).
 *  - a form's 案件编号 field gets a link to the case file (/cases/{caseNo}, issue 16), opened beside Tasklist.
 *  - moment.js has no 'zh' locale (the webapp takes 'zh' from the browser's zh-CN): relative dates
 *    ("a few seconds ago") are given Chinese from the first page on.
 *  - form-js writes and reads its date inputs in the pattern of the browser's default locale; a browser on an
 *    English system gave 12/8/2026. The default locale of Intl.DateTimeFormat is Chinese here (2026/12/8).
 */
const MESSAGES = [
  [/^Field is required\.?$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must match pattern .*$/, () => '格式不正确，请按说明填写。'],
  [/^Field must be a valid email\.?$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的电话号码。'],
  [/^Date and time must both be entered\.?$/, () => '日期和时间都须填写。'],
  [/^Date and time must match pattern.*$/, () => '日期或时间格式不正确。'],
  [/^Invalid date\.?$/, () => '日期无效。'],
  [/^No results$/, () => '无匹配项'],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^Date$/, () => '日期'],
  [/^Time$/, () => '时间'],
  [/^Clear$/, () => '清除'],
  [/^Remove$/, () => '移除'],
  [/^Remove tag$/, () => '移除此项'],
  [/^Remove item$/, () => '移除此项'],
  [/^Clear content$/, () => '清除内容'],
  [/^Skip to search$/, () => '跳到搜索框'],
  [/^Increment$/, () => '增加'],
  [/^Decrement$/, () => '减少'],
  // relative dates that a component rendered before the 'zh' moment locale was active
  [/^a few seconds ago$/, () => '几秒前'],
  [/^in a few seconds$/, () => '几秒后'],
  [/^(a|an|\d+) (second|minute|hour|day|week|month|year)s? ago$/, (m) => `${num(m[1])} ${UNITS[m[2]]}前`],
  [/^in (a|an|\d+) (second|minute|hour|day|week|month|year)s?$/, (m) => `${num(m[1])} ${UNITS[m[2]]}后`],
];
const UNITS = {second: '秒', minute: '分钟', hour: '小时', day: '天', week: '周', month: '个月', year: '年'};
function num(n) {
  return n === 'a' || n === 'an' ? '1' : n;
}
const PLACEHOLDERS = {
  'Select': '请选择',
  'Search': '搜索',
  'Search...': '搜索…',
  'mm/dd/yyyy': '年/月/日',
  // the pattern of the zh-CN default (chineseDefaultDates)
  'yyyy/mm/dd': '年/月/日',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分',
};
const ZH_DATEPICKER = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时',
  time_24hr: true,
};

/** The regions' names, by tenant id (supervision/common.js has the same). */
const REGIONS = {huaibei: '淮北', jining: '济宁'};

/**
 * A tenant id shown as a label (task header, start form list): the region's name. The text node itself is
 * changed, so that Angular, which holds it, writes the next task's tenant id into it again (and it is translated).
 */
function translateTenants(root) {
  root.querySelectorAll('.tenant-id').forEach((e) => {
    e.childNodes.forEach((node) => {
      const zh = node.nodeType === Node.TEXT_NODE && REGIONS[node.nodeValue.trim()];
      if (zh) {
        node.nodeValue = zh;
      }
    });
  });
}

/** "查看案卷" beside each form's case number: the case file (supervision/, issue 16) of that number. */
function caseFileLinks(root) {
  root.querySelectorAll('.fjs-container label').forEach((label) => {
    const input = label.htmlFor && document.getElementById(label.htmlFor);
    const caseNo = input && input.value && input.value.trim();
    if (label.textContent.trim() !== '案件编号' || !caseNo || !/^[A-Za-z0-9-]+$/.test(caseNo)) {
      return;
    }
    const href = '/cases/' + encodeURIComponent(caseNo);
    const field = input.closest('.fjs-form-field') || input.parentElement;
    const existing = field.querySelector('a.yibao-case-file');
    if (existing) {
      existing.setAttribute('href', href);
      return;
    }
    const a = document.createElement('a');
    a.className = 'yibao-case-file';
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = '查看案卷';
    field.appendChild(a);
  });
}

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, zh] of MESSAGES) {
    const m = trimmed.match(pattern);
    if (m) {
      return zh(m);
    }
  }
  return null;
}

function translateNode(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) {
    texts.push(walker.currentNode);
  }
  texts.forEach((node) => {
    const zh = node.nodeValue && translate(node.nodeValue);
    if (zh && zh !== node.nodeValue) {
      node.nodeValue = zh;
    }
  });
  root.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((input) => {
    const zh = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (zh) {
      input.setAttribute('placeholder', zh);
    }
  });
  root.querySelectorAll('[title], [aria-label]').forEach((e) => {
    ['title', 'aria-label'].forEach((name) => {
      const value = e.getAttribute(name);
      const zh = value && translate(value);
      if (zh && zh !== value) {
        e.setAttribute(name, zh);
      }
    });
  });
  root.querySelectorAll('.flatpickr-input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.__yibaoZh) {
      picker.__yibaoZh = true;
      try {
        picker.set('locale', ZH_DATEPICKER);
        picker.redraw();
      } catch (e) {
        // the picker keeps its English names; nothing else depends on them
      }
    }
  });
}

/** Only the forms, their dropdowns and the date pickers are translated: a cheap scan, at most every 150 ms. */
function scan() {
  // one part failing (a moment.js without locales(), a picker that cannot redraw) must not stop the others
  const parts = [defineMomentZh, () => translateTenants(document), () => caseFileLinks(document)];
  document.querySelectorAll('.fjs-container, .flatpickr-calendar, .tasks-list, [cam-tasklist-task] .task-meta, '
      + '[cam-tasklist-task] .names, [cam-tasklist-task] .meta, [cam-tasklist-task]')
      .forEach((root) => parts.push(() => translateNode(root)));
  parts.forEach((part) => {
    try {
      part();
    } catch (e) {
      // left in English until the next scan
    }
  });
}

function defineMomentZh() {
  const moment = window.moment;
  if (!moment || !moment.defineLocale) {
    return;
  }
  const lang = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  if (moment.locales().includes('zh')) {
    if (lang.toLowerCase().startsWith('zh') && moment.locale() !== 'zh') {
      moment.locale('zh');
    }
    return;
  }
  moment.defineLocale('zh', {
    months: '一月_二月_三月_四月_五月_六月_七月_八月_九月_十月_十一月_十二月'.split('_'),
    monthsShort: '1月_2月_3月_4月_5月_6月_7月_8月_9月_10月_11月_12月'.split('_'),
    weekdays: '星期日_星期一_星期二_星期三_星期四_星期五_星期六'.split('_'),
    weekdaysShort: '周日_周一_周二_周三_周四_周五_周六'.split('_'),
    weekdaysMin: '日_一_二_三_四_五_六'.split('_'),
    longDateFormat: {
      LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'YYYY-MM-DD', LL: 'YYYY年M月D日', LLL: 'YYYY年M月D日 HH:mm',
      LLLL: 'YYYY年M月D日dddd HH:mm', l: 'YYYY-M-D', ll: 'YYYY年M月D日', lll: 'YYYY年M月D日 HH:mm',
      llll: 'YYYY年M月D日dddd HH:mm',
    },
    meridiem: (hour) => (hour < 12 ? '上午' : '下午'),
    relativeTime: {
      future: '%s后', past: '%s前', s: '几秒', ss: '%d 秒', m: '1 分钟', mm: '%d 分钟', h: '1 小时',
      hh: '%d 小时', d: '1 天', dd: '%d 天', w: '1 周', ww: '%d 周', M: '1 个月', MM: '%d 个月', y: '1 年',
      yy: '%d 年',
    },
    calendar: {
      sameDay: '[今天] LT', nextDay: '[明天] LT', nextWeek: '[下]dddd LT', lastDay: '[昨天] LT',
      lastWeek: '[上]dddd LT', sameElse: 'L',
    },
    week: {dow: 1, doy: 4},
  });
  if (lang.toLowerCase().startsWith('zh')) {
    moment.locale('zh');
  }
}

/**
 * form-js derives its date inputs' pattern from Intl.DateTimeFormat('default') (the browser's locale), so the same
 * form showed 12/8/2026 on a browser of an English system. Only the default is replaced by zh-CN; a caller that
 * names a locale gets that locale, and instanceof keeps working (same prototype).
 */
function chineseDefaultDates() {
  const Original = Intl.DateTimeFormat;
  if (Original.yibaoZh) {
    return;
  }
  function DateTimeFormat(locales, options) {
    return new Original(locales === undefined || locales === 'default' ? 'zh-CN' : locales, options);
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
  DateTimeFormat.yibaoZh = true;
  Intl.DateTimeFormat = DateTimeFormat;
}

function start() {
  let pending = false;
  scan();
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      setTimeout(() => {
        pending = false;
        scan();
      }, 150);
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  // a safety net: the task list's relative dates were seen in English for seconds on a loaded machine
  setInterval(scan, 1000);
}

chineseDefaultDates();
if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
