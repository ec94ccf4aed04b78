import type { EventIssue } from '@tally/core';
import { APIError, TallyError, ValidationError } from '../client/errors.js';
import { describeIssues } from '../client/prepare-event.js';
import type { WireEvent } from '../client/wire-event.js';

/** An event the server (or the client's own check) refused for good, with why. */
export interface DeadLetter {
  event: WireEvent;
  /** The server's message, or the client's. */
  reason: string;
  /** HTTP status; undefined when refused before sending. */
  status: number | undefined;
  /** The server's error code, e.g. VALIDATION_ERROR. */
  code: string | undefined;
  /** The broken rules naming this event, when the server listed them. */
  issues: EventIssue[];
}

export function deadLetters(events: WireEvent[], error: unknown, issuesByIndex?: Map<number, EventIssue[]>): DeadLetter[] {
  const api = error instanceof APIError ? error : undefined;
  const reason = api?.error?.message ?? (error instanceof Error ? error.message : String(error));
  return events.map((event, i) => ({
    event,
    // The event's own broken rules say more than the request-level message.
    reason: issuesByIndex?.get(i)?.map((x) => `${x.field} ${x.message}`).join('; ') || reason,
    status: api?.status,
    code: api?.code ?? (error instanceof TallyError ? error.name : undefined),
    issues: issuesByIndex?.get(i) ?? [],
  }));
}

/** Groups a 400's issues by the index of the event they name. */
export function issuesByIndex(issues: EventIssue[], count: number): Map<number, EventIssue[]> {
  const byIndex = new Map<number, EventIssue[]>();
  for (const issue of issues) {
    if (!Number.isInteger(issue.index) || issue.index < 0 || issue.index >= count) continue;
    const list = byIndex.get(issue.index) ?? [];
    list.push(issue);
    byIndex.set(issue.index, list);
  }
  return byIndex;
}

/** The dead letter of an event refused at the door, before sending: the rules it broke as its reason. */
export function refusedAtDoor(wire: WireEvent, issues: EventIssue[]): DeadLetter[] {
  return deadLetters([wire], new ValidationError(describeIssues(issues), issues), new Map([[0, issues]]));
}
