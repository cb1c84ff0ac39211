/** Catches a rendering bug so one broken view does not blank the window; the bug goes to the log and the presenter. */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** Shown instead of the children after a crash. */
  fallback: ReactNode;
  onError: (error: unknown) => void;
  children: ReactNode;
}

/** An error boundary around one view. */
export class ErrorBoundary extends Component<Props, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[attention-lab] a view crashed', error, info.componentStack);
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}
