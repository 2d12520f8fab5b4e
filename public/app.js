// The web chat page: page texts in two languages, a Direct Line session kept for the tab, Web Chat with our styles.
// No inline script anywhere: the page's CSP allows scripts from this server only.
(function () {
  'use strict';

  var SESSION_KEY = 'traces-nt-assistant.session';
  var LANG_KEY = 'traces-nt-assistant.lang';
  var LOCALES = { nl: 'nl-NL', en: 'en-US' };

  var texts = null;
  var lang = 'nl';
  var session = null;
  var directLine = null;
  var store = null;
  var chat = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function text(key) {
    return (texts && texts[lang] && texts[lang][key]) || '';
  }

  function storageGet(area, key) {
    try {
      return window[area].getItem(key);
    } catch (e) {
      return null; // storage blocked (private mode, policies): the page still works, without resume
    }
  }

  function storageSet(area, key, value) {
    try {
      if (value === null) window[area].removeItem(key);
      else window[area].setItem(key, value);
    } catch (e) {
      /* see storageGet */
    }
  }

  function chooseLanguage() {
    var saved = storageGet('sessionStorage', LANG_KEY);
    if (saved === 'nl' || saved === 'en') return saved;
    return /^en\b/i.test(navigator.language || '') ? 'en' : 'nl';
  }

  /** Puts the page's own texts (not the bot's) in the chosen language. */
  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = text('document_title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (el) {
      el.textContent = text(el.getAttribute('data-text'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-label]'), function (el) {
      el.setAttribute('aria-label', text(el.getAttribute('data-label')));
    });
    Array.prototype.forEach.call(document.querySelectorAll('.language'), function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === lang));
    });
  }

  function showStatus(key) {
    var status = byId('status');
    status.hidden = !key;
    status.setAttribute('data-text', key || '');
    status.textContent = key ? text(key) : '';
  }

  function readSession() {
    try {
      var saved = JSON.parse(storageGet('sessionStorage', SESSION_KEY) || 'null');
      return saved && saved.token && saved.conversationId && saved.expiresAt > Date.now() + 30000 ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession() {
    storageSet('sessionStorage', SESSION_KEY, session ? JSON.stringify(session) : null);
  }

  async function requestSession() {
    var response = await fetch('/api/directline/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: LOCALES[lang] }),
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error('token ' + response.status);
    var body = await response.json();
    body.expiresAt = Date.now() + body.expiresIn * 1000;
    return body;
  }

  /** Keeps the stored session current: the token after Web Chat refreshes it; local conversations stay alive while open. */
  function keepSessionFresh() {
    setInterval(function () {
      if (!session || !directLine) return;
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        session.expiresAt = Date.now() + session.expiresIn * 1000;
      } else if (session.mode === 'local') {
        session.expiresAt = Date.now() + session.expiresIn * 1000;
      }
      saveSession();
    }, 30000);
  }

  /** The walkthrough's step, from the reply's channelData, as a progress bar above the chat. */
  function showStep(step) {
    var progress = byId('progress');
    var share = ((step.phase - 1) + Math.min(step.order, step.total) / Math.max(step.total, 1)) / 2;
    byId('progress-text').textContent = step.label + ' · ' + step.phaseName;
    byId('progress-fill').style.width = Math.round(share * 100) + '%';
    progress.setAttribute('aria-label', text('progress'));
    progress.hidden = false;
  }

  function createStore(resumed) {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            var activity = action.payload.activity;
            var step = activity && activity.from && activity.from.role === 'bot' && activity.channelData && activity.channelData.step;
            if (step) showStep(step);
          }
          if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
            if (resumed) {
              // The conversation ended on the server (expired): start a new one instead of showing an error.
              session = null;
              saveSession();
              window.location.reload();
            } else {
              showStatus('connect_failed');
            }
          }
          return next(action);
        };
      };
    });
  }

  var STYLE = {
    accent: '#0b5394',
    backgroundColor: '#f4f6f9',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    subtle: '#575757',
    timestampColor: '#575757',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#c9d1da',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 10,
    bubbleMaxWidth: 640,
    bubbleFromUserBackground: '#0b5394',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#0b5394',
    bubbleFromUserBorderRadius: 10,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 18,
    suggestedActionHeight: 40,
    sendBoxButtonColor: '#0b5394',
    sendBoxPlaceholderColor: '#575757',
    sendBoxHeight: 48,
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%',
  };

  function render() {
    window.WebChat.renderWebChat(
      { directLine: directLine, store: store, userID: session.userId, locale: LOCALES[lang], styleOptions: STYLE },
      chat,
    );
  }

  function send(messageKey) {
    if (store) store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text(messageKey) } });
  }

  function bindButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('.language'), function (button) {
      button.addEventListener('click', function () {
        var chosen = button.getAttribute('data-lang');
        if (chosen === lang) return;
        lang = chosen;
        storageSet('sessionStorage', LANG_KEY, lang);
        applyTexts();
        if (directLine) {
          render();
          // Tell the assistant too, in words it understands, so its answers switch language as well.
          send('switch_message');
        }
      });
    });
    byId('forget').addEventListener('click', function () {
      send('forget_message');
    });
  }

  async function connect() {
    var saved = readSession();
    var resumed = Boolean(saved);
    session = saved || (await requestSession());
    saveSession();
    directLine = window.WebChat.createDirectLine({
      domain: new URL(session.domain, window.location.href).href.replace(/\/$/, ''),
      token: session.token,
      // With a conversation id Direct Line resumes it (history re-fetched, no new welcome); without, it starts it.
      conversationId: resumed ? session.conversationId : undefined,
      webSocket: false,
      conversationStartProperties: { locale: LOCALES[lang] },
    });
    store = createStore(resumed);
    chat = byId('webchat');
    render();
    showStatus(null);
    keepSessionFresh();
  }

  async function start() {
    try {
      var response = await fetch('/page-text.json', { credentials: 'same-origin' });
      texts = await response.json();
    } catch (e) {
      texts = null;
    }
    lang = chooseLanguage();
    applyTexts();
    bindButtons();
    showStatus('connecting');
    try {
      if (!window.WebChat) throw new Error('Web Chat did not load');
      await connect();
    } catch (e) {
      showStatus('connect_failed');
    }
  }

  start();
})();
