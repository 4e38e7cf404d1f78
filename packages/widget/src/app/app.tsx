import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Message, WidgetConfig } from '@ward/protocol';
import { fetchConfig, giveConsent } from './api.ts';
import { announcementFor } from './format.ts';
import { useAnnouncer } from './announcer.tsx';
import { Dialogue } from './dialogue.tsx';
import { StepHeading } from './govuk.tsx';
import type { ParentBridge } from './parent-bridge.ts';
import { PreChatForm } from './pre-chat-form.tsx';
import { redactionAnnouncement } from './redaction-notice.ts';
import { focusEdge } from './tab-order.ts';
import { clearConversation, forgetEverything, loadConversation, saveConversation, saveLanguage } from './storage.ts';
import { ExitThisPage } from './exit-this-page.tsx';
import { createShiftCounter, shiftAnnouncement } from '../shared/quick-exit.ts';
import { chooseLanguage, language, m } from './i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { loadLater, needsLater } from './lazy.ts';
import type { Later } from './lazy.ts';
import type { Language } from '@ward/protocol/resident-rules';
import type { StoredConversation } from './storage.ts';
import { useChatSession } from './use-chat-session.ts';
import { useQueueAnnouncement } from './queue-announcement.ts';

/**
 * "Exit this page" waits at most this long for the server to confirm the chat ended: replacing the
 * page at once would cut the request off. The chat window is blank meanwhile (ADR 31).
 */
const endWaitMs = 300;

type ConfigState =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; config: WidgetConfig };
type Stage = 'loading' | 'error' | 'pre-chat' | 'dialogue' | 'post-chat' | 'confirmation';

const stageTitle = (stage: Stage) =>
  ({
    loading: m.titleLoading,
    error: m.titleError,
    'pre-chat': m.titlePreChat,
    dialogue: m.titleDialogue,
    'post-chat': m.titlePostChat,
    confirmation: m.titleConfirmation,
  })[stage];

function stageOf(config: ConfigState, conversation: StoredConversation | null): Stage {
  if (config.state !== 'ready') return config.state;
  if (!conversation) return 'pre-chat';
  if (conversation.status !== 'ended') return 'dialogue';
  return conversation.feedbackSent ? 'confirmation' : 'post-chat';
}

/** Focus the new step's heading (tabindex -1), as GOV.UK does between pages. */
function focusStepHeading(): void {
  document.querySelector<HTMLElement>('[data-step-heading]')?.focus();
}

/** When the panel opens: the message box in a chat, otherwise the step's heading. */
function focusFirstUseful(): void {
  const target =
    document.querySelector<HTMLElement>('main [data-autofocus]') ??
    document.querySelector<HTMLElement>('[data-step-heading]');
  target?.focus();
}

export function App({ organisation, bridge }: { organisation: string; bridge: ParentBridge }) {
  const [configState, setConfigState] = useState<ConfigState>({ state: 'loading' });
  const [conversation, setConversation] = useState<StoredConversation | null>(() =>
    organisation ? loadConversation(organisation) : null,
  );
  const [draft, setDraft] = useState('');
  const { announce, region } = useAnnouncer();
  // Outside the loader (the app opened on its own) the "panel" is always open.
  const panelOpen = useRef(!bridge.embedded);
  const mayFocus = useRef(!bridge.embedded);
  const unread = useRef(0);
  // The whole widget renders again in the language chosen (the catalogue `m` has changed by then).
  const [shownLanguage, setShownLanguage] = useState<Language>(language);
  const switchLanguage = async (next: Language) => {
    await chooseLanguage(next).catch(() => undefined);
    if (language !== next) return;
    saveLanguage(organisation, next);
    setShownLanguage(next);
    bridge.post({ ward: 1, type: 'language', language: next });
  };

  const loadConfig = useCallback(async () => {
    if (!organisation) {
      setConfigState({ state: 'error', message: m.notSetUp });
      return;
    }
    // A change of language fetches the council's texts again, keeping the step (and what was typed).
    setConfigState((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    const result = await fetchConfig(organisation, shownLanguage);
    setConfigState(result.ok ? { state: 'ready', config: result.data } : { state: 'error', message: result.message });
  }, [organisation, shownLanguage]);

  useEffect(() => {
    void loadConfig();
  }, [loadConfig]);

  // ---- the loader on the council's page ----
  const postUnread = (count: number) => {
    unread.current = count;
    bridge.post({ ward: 1, type: 'unread', count: Math.min(count, 999) });
  };
  useEffect(
    () =>
      bridge.listen((message) => {
        if (message.type === 'focus') {
          mayFocus.current = true;
          focusEdge(message.edge);
        } else if (message.type === 'exit-now') {
          // Shift×3 on the council's page (the loader counted it): the same exit as the button.
          exit.current?.();
        } else if (message.type === 'open') {
          panelOpen.current = true;
          if (message.focus) {
            mayFocus.current = true;
            focusFirstUseful();
          }
          if (unread.current > 0) postUnread(0);
        } else {
          panelOpen.current = false;
          mayFocus.current = false;
        }
      }),
    [bridge],
  );
  useEffect(() => {
    bridge.post({ ward: 1, type: 'ready' });
    // The resident may have chosen another language than the page's earlier in this tab.
    bridge.post({ ward: 1, type: 'language', language });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) bridge.post({ ward: 1, type: 'close' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [bridge]);
  const chatActive = conversation !== null;
  useEffect(() => {
    bridge.post({ ward: 1, type: 'chat', active: chatActive });
  }, [bridge, chatActive]);

  // ---- the conversation ----
  const { snapshot, session } = useChatSession(organisation, conversation, {
    onConversation: setConversation,
    onIncoming: (messages: Message[]) => {
      for (const message of messages.slice(-3)) {
        const text = announcementFor(message);
        if (text) announce(text);
      }
      if (!panelOpen.current) postUnread(unread.current + messages.length);
    },
    onRefused: (body) => setDraft((current) => (current ? `${body}\n${current}` : body)),
    onRedacted: (categories) => announce(redactionAnnouncement(categories)),
  });

  useQueueAnnouncement(
    snapshot?.conversation.status === 'waiting' ? (snapshot.queue?.position ?? null) : null,
    announce,
  );

  const update = (patch: Partial<StoredConversation>) => {
    setConversation((current) => {
      if (!current) return current;
      const next = { ...current, ...patch };
      saveConversation(organisation, next);
      return next;
    });
  };
  const startNew = () => {
    session.current?.dispose();
    clearConversation(organisation);
    setDraft('');
    setConversation(null);
  };

  // ---- "Exit this page" (ADR 31) ----
  const stage = stageOf(configState, conversation);
  const [exiting, setExiting] = useState(false);
  const leaving = useRef(false);
  // Before a topic is chosen, offered when any topic is sensitive; after, when the chosen one was.
  const quickExitUrl =
    conversation?.quickExitUrl ??
    (stage === 'pre-chat' && configState.state === 'ready' && configState.config.topics.some((t) => t.sensitive)
      ? configState.config.quickExitUrl
      : null);
  const exit = useRef<(() => void) | null>(null);
  exit.current = quickExitUrl
    ? () => {
        if (leaving.current) return;
        leaving.current = true;
        setExiting(true);
        forgetEverything(organisation);
        const ending = session.current?.leave(endWaitMs) ?? Promise.resolve();
        void ending.then(() => {
          forgetEverything(organisation);
          if (!bridge.embedded) {
            location.replace(quickExitUrl);
            return;
          }
          bridge.post({ ward: 1, type: 'exit', url: quickExitUrl });
          // A loader from before this feature ignores "exit": leave from here instead.
          setTimeout(() => {
            try {
              window.top?.location.replace(quickExitUrl);
            } catch {
              location.replace(quickExitUrl);
            }
          }, 1500);
        });
      }
    : null;
  const offered = quickExitUrl !== null;
  useEffect(() => {
    if (!offered) return;
    const shift = createShiftCounter();
    const onKeyDown = (event: KeyboardEvent) => shift.keydown(event.key, event.repeat);
    const onKeyUp = (event: KeyboardEvent) => {
      const left = shift.keyup(event.key, Date.now());
      if (left === null) return;
      announce(shiftAnnouncement(left, language));
      if (left === 0) exit.current?.();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keyup', onKeyUp, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keyup', onKeyUp, true);
    };
  }, [offered, announce]);
  // The loader counts Shift on the council's page too, while the exit is offered.
  useEffect(() => {
    bridge.post({ ward: 1, type: 'quick-exit', url: quickExitUrl });
  }, [bridge, quickExitUrl]);

  // ---- what is fetched after opening (ADR 49): once a chat exists, or for the council's rarer
  // pre-chat questions; a step needing it is shown (and focused) once it is here. When the fetch
  // fails (offline a moment), the step waiting for it says so and offers to try again ----
  const [later, setLater] = useState<Later | null>(null);
  const [laterFailed, setLaterFailed] = useState(false);
  const needed =
    stage === 'post-chat' ||
    stage === 'confirmation' ||
    (stage === 'pre-chat' && configState.state === 'ready' && needsLater(configState.config.preChatQuestions));
  // Fetched ahead in the chat, quietly: a failure is said only when a step is waiting for it.
  const fetchLater = () =>
    loadLater().then(setLater, () => {
      if (!needed) return;
      setLaterFailed(true);
      announce(m.connectionProblem);
    });
  useEffect(() => {
    if (later || laterFailed || (!needed && stage !== 'dialogue')) return;
    void fetchLater();
  }, [later, laterFailed, needed, stage]);
  const waitingForLater = needed && !later;
  // The step waiting for it cannot be shown: said as a problem the resident can try again.
  const laterProblem = waitingForLater && laterFailed;

  // ---- steps and focus ----
  const organisationName = configState.state === 'ready' ? configState.config.organisationName : null;
  useEffect(() => {
    document.title = organisationName ? `${stageTitle(stage)} – ${organisationName}` : stageTitle(stage);
  }, [stage, organisationName, shownLanguage]);
  // The dialogue renders once its session exists: wait for it before moving focus.
  const shownStep = (stage === 'dialogue' && !snapshot) || waitingForLater ? null : stage;
  const previousStep = useRef(shownStep);
  useEffect(() => {
    if (shownStep === null || previousStep.current === shownStep) return;
    previousStep.current = shownStep;
    if (mayFocus.current) focusStepHeading();
  }, [shownStep]);

  if (exiting) {
    // Nothing of the chat stays on screen while the page is replaced.
    return (
      <div class="ward-app">
        <p class="ward-exiting" role="status">
          {m.exiting}
        </p>
      </div>
    );
  }

  return (
    <div class={`ward-app ward-app--${stage}`}>
      <header class="ward-header">
        <div class="ward-header__bar">
          <p class="ward-header__organisation">{organisationName ?? m.webChat}</p>
          {quickExitUrl && <ExitThisPage url={quickExitUrl} onExit={() => exit.current?.()} />}
          <LanguageSwitch language={shownLanguage} onSwitch={(next) => void switchLanguage(next)} />
          {bridge.embedded && (
            <button type="button" class="ward-header__close" onClick={() => bridge.post({ ward: 1, type: 'close' })}>
              {m.close}
              <span class="ward-visually-hidden">{m.closeHidden}</span>
            </button>
          )}
        </div>
        {conversation && stage !== 'loading' && stage !== 'error' && (
          <p class="ward-header__reference">
            {m.headerReference} <strong class="ward-case-reference">{conversation.caseReference}</strong>
          </p>
        )}
      </header>
      <main class="ward-main" id="main">
        {(stage === 'loading' || waitingForLater) && !laterProblem && (
          <>
            <StepHeading class="ward-heading-m">{m.loading}</StepHeading>
          </>
        )}
        {(configState.state === 'error' || laterProblem) && (
          <>
            <StepHeading>{m.titleError}</StepHeading>
            <p class="ward-body">{configState.state === 'error' ? configState.message : m.connectionProblem}</p>
            <p class="ward-body">{m.tryAgainOrContact}</p>
            <button type="button" class="ward-button" onClick={() => void (laterProblem ? fetchLater() : loadConfig())}>
              {m.tryAgain}
            </button>
          </>
        )}
        {configState.state === 'ready' && stage === 'pre-chat' && !waitingForLater && (
          <PreChatForm
            later={later}
            organisation={organisation}
            config={configState.config}
            onStarted={(started) => {
              saveConversation(organisation, started);
              setConversation(started);
            }}
          />
        )}
        {stage === 'dialogue' && snapshot && (
          <Dialogue
            organisation={organisation}
            snapshot={snapshot}
            draft={draft}
            onDraft={(text) => {
              setDraft(text);
              session.current?.typed(text);
            }}
            onSend={(body) => session.current?.send(body)}
            onEnd={() => session.current?.end() ?? Promise.resolve(m.endFailed)}
            onLaterFailed={() => announce(m.connectionProblem)}
            onStartNew={startNew}
            onStay={() =>
              void session.current?.stay().then(() => document.querySelector<HTMLElement>('#message')?.focus())
            }
            onDismissRedactionNotice={() => {
              session.current?.dismissRedactionNotice();
              document.querySelector<HTMLElement>('#message')?.focus();
            }}
            privacyNoticeUrl={configState.state === 'ready' ? configState.config.privacyNoticeUrl : null}
            onGiveConsent={async () => {
              const given = await giveConsent(conversation?.visitorToken ?? '');
              if (given.ok) {
                announce(m.consentRecorded);
                document.querySelector<HTMLElement>('#message')?.focus();
              }
              return given;
            }}
          />
        )}
        {configState.state === 'ready' && stage === 'post-chat' && conversation && later && (
          <later.PostChatForm
            config={configState.config}
            conversation={conversation}
            onUpdate={update}
            onStartNew={startNew}
          />
        )}
        {stage === 'confirmation' && conversation && later && (
          <later.Confirmation conversation={conversation} onStartNew={startNew} />
        )}
        {region}
      </main>
    </div>
  );
}
