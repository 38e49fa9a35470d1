/*
 * yibao-flow: Chinese for what Tasklist's translation files cannot reach (issue 15, item 7). Loaded by
 * scripts/config.js (customScripts) as an ES module.
 *  - form-js (Camunda Forms) writes its validation messages, the "Select"/"Search" placeholders and the
 *    flatpickr date picker in English; they are translated in place as they appear.
 *  - moment.js has no 'zh' locale (the webapp takes 'zh' from the browser's zh-CN): relative dates
 *    ("a few seconds ago") are given Chinese from the first page on.
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
];
const PLACEHOLDERS = {
  'Select': '请选择',
  'Search': '搜索',
  'Search...': '搜索…',
  'mm/dd/yyyy': '年/月/日',
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
  if (!root || root.nodeType !== 1 || !root.closest) {
    return;
  }
  if (!root.closest('.fjs-container, .flatpickr-calendar, [cam-tasklist-form], .modal')) {
    const inside = root.querySelector && root.querySelector('.fjs-container, .flatpickr-calendar');
    if (!inside) {
      return;
    }
  }
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

function defineMomentZh() {
  const moment = window.moment;
  if (!moment || !moment.defineLocale || moment.locales().includes('zh')) {
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
  const lang = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  if (lang.toLowerCase().startsWith('zh')) {
    moment.locale('zh');
  }
}

function start() {
  defineMomentZh();
  translateNode(document.body);
  new MutationObserver((mutations) => {
    defineMomentZh();
    mutations.forEach((m) => {
      if (m.type === 'characterData') {
        translateNode(m.target.parentElement);
      } else {
        m.addedNodes.forEach((n) => translateNode(n.nodeType === 1 ? n : n.parentElement));
        if (m.target && m.target.nodeType === 1) {
          translateNode(m.target);
        }
      }
    });
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
