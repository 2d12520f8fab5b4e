import type { Content, ContentNode } from '../content/types';
import type { AnalyticsEvent, FeedbackEvent, HandoffEvent, TurnEvent, UnansweredEvent } from './events';

export interface FunnelRow {
  step: string;
  title: string;
  /** Phase and order, "1.3". */
  position: string;
  users: number;
  /** Share of the users who reached any step (people also enter the walkthrough midway, e.g. at "how do I log in"). */
  share: number;
}

export interface HelpfulnessRow {
  topic: string;
  title: string;
  up: number;
  down: number;
  /** up / (up + down). */
  share: number;
}

export interface HandoffRow {
  owner: string;
  name: string;
  handoffs: number;
  /** Distinct users handed to this owner. */
  users: number;
  /** users / all users in the period. */
  rate: number;
}

export interface UnansweredRow {
  text: string;
  count: number;
}

export interface ReportData {
  from?: string;
  to?: string;
  users: number;
  turns: number;
  fallbackTurns: number;
  handoffs: number;
  feedbackUp: number;
  feedbackDown: number;
  usersByChannel: { key: string; users: number }[];
  usersByLang: { key: string; users: number }[];
  funnel: FunnelRow[];
  helpfulness: HelpfulnessRow[];
  handoffByOwner: HandoffRow[];
  unanswered: UnansweredRow[];
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function distinctUsers(events: readonly AnalyticsEvent[]): number {
  return new Set(events.map((e) => e.user)).size;
}

function usersBy(events: readonly AnalyticsEvent[], key: (e: AnalyticsEvent) => string): { key: string; users: number }[] {
  const groups = new Map<string, Set<string>>();
  for (const e of events) {
    const k = key(e);
    if (!groups.has(k)) groups.set(k, new Set());
    groups.get(k)!.add(e.user);
  }
  return [...groups].map(([k, users]) => ({ key: k, users: users.size })).sort((a, b) => b.users - a.users || a.key.localeCompare(b.key));
}

/** Unanswered questions are grouped on their redacted text, ignoring case, spacing and end punctuation. */
function questionKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[?!.\s]+$/, '').trim();
}

/**
 * Turns analytics events into what the helpdesk acts on: the funnel through the walkthrough steps (where people
 * drop off), helpfulness per topic, handoff rate per owner and the most frequent unanswered questions.
 */
export function buildReport(events: readonly AnalyticsEvent[], content: Content, topUnanswered = 10): ReportData {
  const turns = events.filter((e): e is TurnEvent => e.type === 'turn');
  const feedback = events.filter((e): e is FeedbackEvent => e.type === 'feedback');
  const handoffs = events.filter((e): e is HandoffEvent => e.type === 'handoff');
  const unanswered = events.filter((e): e is UnansweredEvent => e.type === 'unanswered');
  const users = distinctUsers(events);
  const days = events.map((e) => e.at).sort();

  const steps = [...content.nodes.values()]
    .filter((n): n is ContentNode & { step: NonNullable<ContentNode['step']> } => n.step !== undefined)
    .sort((a, b) => a.step.phase - b.step.phase || a.step.order - b.step.order || a.id.localeCompare(b.id));
  const reached = (id: string): number => new Set(turns.filter((t) => t.step === id).map((t) => t.user)).size;
  const counts = steps.map((n) => reached(n.id));
  const base = new Set(turns.filter((t) => t.step !== undefined).map((t) => t.user)).size;
  const funnel = steps.map((n, i) => ({ step: n.id, title: n.title.en, position: `${n.step.phase}.${n.step.order}`, users: counts[i], share: share(counts[i], base) }));

  const byTopic = new Map<string, { up: number; down: number }>();
  for (const f of feedback) {
    const row = byTopic.get(f.topic) ?? { up: 0, down: 0 };
    if (f.helpful) row.up += 1;
    else row.down += 1;
    byTopic.set(f.topic, row);
  }
  const helpfulness = [...byTopic]
    .map(([topic, { up, down }]) => ({ topic, title: content.nodes.get(topic)?.title.en ?? topic, up, down, share: share(up, up + down) }))
    .sort((a, b) => a.share - b.share || b.up + b.down - (a.up + a.down));

  const handoffByOwner = [...content.owners.values()]
    .map((owner) => {
      const mine = handoffs.filter((h) => h.owner === owner.id);
      const handedUsers = new Set(mine.map((h) => h.user)).size;
      return { owner: owner.id, name: owner.name.en, handoffs: mine.length, users: handedUsers, rate: share(handedUsers, users) };
    })
    .sort((a, b) => b.handoffs - a.handoffs || a.owner.localeCompare(b.owner));

  const questions = new Map<string, UnansweredRow>();
  for (const u of unanswered) {
    const key = questionKey(u.text);
    const row = questions.get(key) ?? { text: u.text, count: 0 };
    row.count += 1;
    questions.set(key, row);
  }

  return {
    from: days[0],
    to: days[days.length - 1],
    users,
    turns: turns.length,
    fallbackTurns: turns.filter((t) => t.fallback).length,
    handoffs: handoffs.length,
    feedbackUp: feedback.filter((f) => f.helpful).length,
    feedbackDown: feedback.filter((f) => !f.helpful).length,
    usersByChannel: usersBy(events, (e) => e.channel),
    usersByLang: usersBy(events, (e) => e.lang),
    funnel,
    helpfulness,
    handoffByOwner,
    unanswered: [...questions.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, topUnanswered),
  };
}
