/**
 * The presenter's keyboard: → / Space / Page Down forward, ← / Page Up back, Home / End, step numbers typed as
 * one or two quick digits ("1", "2" → step 12), N for notes, Esc to leave, F5 or P to enter. Keys typed into a
 * text field, or already used by a live view (the animation steps its own frames), are left alone.
 */
import { useEffect, useRef } from 'react';

/** What a key asks the walkthrough to do. */
export type PresenterAction =
  { type: 'go'; step: number } | { type: 'notes' } | { type: 'exit' } | { type: 'enter' };

/** How long a first digit waits for a second one (milliseconds). */
export const digitWindowMs = 900;

/** A digit waiting for a possible second one. */
export interface PendingDigits {
  digits: string;
  at: number;
}

/** Is the key's target a place where typing means text (an input, a text area, a select, editable content)? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable;
}

/**
 * The step (0-based) a digit jumps to, given the digit typed just before: "1" then "2" quickly is step 12 when
 * the walkthrough has 12 steps; a number past the end (or a late second digit) starts over with the new digit.
 */
export function digitJump(
  pending: PendingDigits | null,
  digit: string,
  now: number,
  count: number,
): { step: number | null; pending: PendingDigits | null } {
  const joined = pending && now - pending.at <= digitWindowMs ? pending.digits + digit : null;
  const number = joined !== null && Number(joined) <= count ? Number(joined) : Number(digit);
  const digits = String(number);
  const step = number >= 1 && number <= count ? number - 1 : null;
  // Two digits complete a number; one waits for a second only when a two-digit step could follow.
  const canGrow = digits.length === 1 && number * 10 <= count;
  return { step, pending: canGrow ? { digits, at: now } : null };
}

/** The action for a key in presenter mode (or, outside it, only "enter"), or null. */
export function presenterAction(
  key: string,
  current: number,
  count: number,
  isPresenting: boolean,
): PresenterAction | null {
  if (!isPresenting) return key === 'F5' || key === 'p' || key === 'P' ? { type: 'enter' } : null;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return { type: 'go', step: Math.min(last, current + 1) };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'go', step: Math.max(0, current - 1) };
    case 'Home':
      return { type: 'go', step: 0 };
    case 'End':
      return { type: 'go', step: last };
    case 'n':
    case 'N':
      return { type: 'notes' };
    case 'Escape':
      return { type: 'exit' };
    default:
      return null;
  }
}

/** Listens on the window while mounted; `onAction` receives what each key asks for. */
export function usePresenterKeys(options: {
  current: number;
  count: number;
  isPresenting: boolean;
  onAction: (action: PresenterAction) => void;
}): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options; // the listener below reads the newest step and mode
  });
  const pending = useRef<PendingDigits | null>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { current, count, isPresenting, onAction } = latest.current;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      // Space and Enter on a focused button press it (play the animation, generate); they do not turn the page.
      const tag = (event.target as HTMLElement | null)?.tagName;
      if (event.key === ' ' && (tag === 'BUTTON' || tag === 'A')) return;
      let action: PresenterAction | null = null;
      if (isPresenting && /^[0-9]$/.test(event.key)) {
        const jump = digitJump(pending.current, event.key, event.timeStamp, count);
        pending.current = jump.pending;
        if (jump.step !== null) action = { type: 'go', step: jump.step };
      } else {
        action = presenterAction(event.key, current, count, isPresenting);
      }
      if (!action) return;
      event.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
